package org.habarshy.core.api.message;

import java.util.Objects;

/**
 * Private-group traffic carried 1:1 (docs/PROTOCOL.md §11.3-11.4): the bytes of a {@code GroupUpdate} (signed
 * membership changes) or of a {@code SenderKeyDistribution}, decoded by the group layer. Never shown to users.
 *
 * @param kind which of the two
 * @param payload the exact protobuf bytes
 */
public record GroupContent(Kind kind, byte[] payload) implements MessageContent {
    /** Largest payload: 256 changes of at most about 18 KiB fit in an envelope anyway. */
    public static final int MAX_PAYLOAD_BYTES = 200_000;

    /** Which group record the payload holds. */
    public enum Kind {
        /** {@code GroupUpdate}, content field 4. */
        UPDATE,
        /** {@code SenderKeyDistribution}, content field 5. */
        SENDER_KEY
    }

    /** Copies the payload and checks its size. */
    public GroupContent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        if (payload.length == 0 || payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("group payload must be 1.." + MAX_PAYLOAD_BYTES + " bytes");
        }
        payload = payload.clone();
    }

    /** Returns a copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupContent g && g.kind == kind && java.util.Arrays.equals(payload, g.payload);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + java.util.Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "GroupContent[" + kind + ", " + payload.length + " bytes]";
    }
}

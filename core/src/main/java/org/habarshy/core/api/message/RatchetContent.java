package org.habarshy.core.api.message;

import java.util.Objects;

/**
 * Content encrypted once more in a forward-secret (Double Ratchet) session between author and recipient; the
 * recipient's node decrypts it to the inner content. Never shown to users as such.
 */
public record RatchetContent(byte[] message) implements MessageContent {
    /** Copies the ratchet message bytes. */
    public RatchetContent {
        Objects.requireNonNull(message, "message");
        message = message.clone();
    }

    /** Returns a copy of the ratchet message bytes. */
    @Override
    public byte[] message() {
        return message.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RatchetContent r && java.util.Arrays.equals(message, r.message);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(message);
    }

    @Override
    public String toString() {
        return "RatchetContent[" + message.length + " bytes]";
    }
}

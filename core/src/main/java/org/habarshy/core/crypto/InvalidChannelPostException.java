package org.habarshy.core.crypto;

import java.util.Objects;

/** A channel post (envelope kind 0x03) that cannot be shown, and why. */
public final class InvalidChannelPostException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a post was refused. */
    public enum Reason {
        /** The bytes do not follow the layout of docs/PROTOCOL.md §12 (lengths, padding, severity, UTF-8). */
        MALFORMED,
        /** The post does not belong to the channel it was checked against (another key or tag, other mode). */
        OTHER_CHANNEL,
        /** The signature does not verify under the channel key: forged or tampered with. */
        BAD_SIGNATURE,
        /** The signature verifies but the private body does not decrypt with the subscriber secret. */
        UNREADABLE,
        /** The post expired, was created too far in the future, or claims too long a lifetime. */
        EXPIRED,
        /** Another post of the same channel already used this sequence number. */
        REPLAYED
    }

    private final Reason reason;

    /** Creates the exception; {@code message} says what was wrong without quoting secret or peer data. */
    public InvalidChannelPostException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Returns the kind of failure. */
    public Reason reason() {
        return reason;
    }
}

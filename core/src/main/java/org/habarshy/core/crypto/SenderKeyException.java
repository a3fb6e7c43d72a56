package org.habarshy.core.crypto;

/** A group message that cannot be accepted with a sender key, with the reason (docs/PROTOCOL.md §11.5). */
public final class SenderKeyException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a group message or a saved sender key was refused. */
    public enum Reason {
        /** The bytes are not a group message or saved chain of this version. */
        MALFORMED,
        /** The chain's signature over the message does not verify: nothing was decrypted. */
        BAD_SIGNATURE,
        /** The signature verified but the AEAD tag did not (a sender bug, or a forged chain key). */
        AUTHENTICATION_FAILED,
        /** The message's key was used already, or dropped. */
        REPLAY,
        /** The message is more than {@link SenderKeyChain#MAX_SKIP} ahead of the chain. */
        TOO_MANY_SKIPPED
    }

    private final Reason reason;

    /** Creates the exception. */
    public SenderKeyException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Returns why. */
    public Reason reason() {
        return reason;
    }
}

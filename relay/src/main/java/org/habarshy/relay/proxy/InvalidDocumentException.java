package org.habarshy.relay.proxy;

/** A signed public document or proxy list that is refused; the message says why (never with key material). */
public final class InvalidDocumentException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a document is refused, for counters and status. */
    public enum Reason {
        /** Not a public document, a field out of bounds, or trailing or non-zero padding bytes. */
        MALFORMED,
        /** The Ed25519 signature does not verify under the key in the document. */
        BAD_SIGNATURE,
        /** Signed by a key this relay was not told to trust. */
        UNTRUSTED_SIGNER,
        /** Expired, created too far in the future, or living longer than allowed. */
        EXPIRED,
        /** Older than (or as old as) a list already accepted from the same signer. */
        SUPERSEDED
    }

    private final Reason reason;

    /** Creates an exception for {@code reason} with a human-readable detail. */
    public InvalidDocumentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Returns why the document was refused. */
    public Reason reason() {
        return reason;
    }
}

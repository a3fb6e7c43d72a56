package org.habarshy.core.compact;

/** The plaintext of a compact message (text or receipt) cannot be decoded; the message says why, never the bytes. */
public final class MalformedCompactTextException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a reason. */
    public MalformedCompactTextException(String reason) {
        super(reason);
    }
}

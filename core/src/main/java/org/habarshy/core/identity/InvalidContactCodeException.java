package org.habarshy.core.identity;

/** A contact code that cannot be accepted; the message says why, in words for the user. */
public final class InvalidContactCodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing reason. */
    public InvalidContactCodeException(String message) {
        super(message);
    }
}

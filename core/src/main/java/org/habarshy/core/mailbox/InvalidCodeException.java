package org.habarshy.core.mailbox;

/** A relay code or mailbox code that does not parse; the message says what is wrong, for the user. */
public final class InvalidCodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the user. */
    public InvalidCodeException(String message) {
        super(message);
    }
}

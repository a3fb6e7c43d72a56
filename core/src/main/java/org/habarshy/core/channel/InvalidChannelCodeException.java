package org.habarshy.core.channel;

/** A channel code or posting key that cannot be used; the message says why in words a user understands. */
public final class InvalidChannelCodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that quotes no secret. */
    public InvalidChannelCodeException(String message) {
        super(message);
    }
}

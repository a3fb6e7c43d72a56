package org.habarshy.core.channel;

/**
 * A channel operation the user asked for that cannot be done: no channel of that name, the name is taken, the
 * channel is already followed, or this device does not hold the posting key.
 */
public final class ChannelException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the user. */
    public ChannelException(String message) {
        super(message);
    }
}

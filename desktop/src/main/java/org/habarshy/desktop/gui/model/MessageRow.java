package org.habarshy.desktop.gui.model;

import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;

/**
 * One message as the conversation view shows it.
 *
 * @param message the message
 * @param stateKey resource key of its state ({@code state.queued}...), shown for outgoing messages
 */
public record MessageRow(Message message, String stateKey) {
    /** Returns a row for {@code message}. */
    public static MessageRow of(Message message) {
        return new MessageRow(message, stateKey(message.state()));
    }

    /** Returns the resource key naming {@code state}. */
    public static String stateKey(MessageState state) {
        return "state." + state.label();
    }

    /** Returns whether this user wrote it. */
    public boolean outgoing() {
        return message.direction() == org.habarshy.core.api.message.Direction.OUTGOING;
    }
}

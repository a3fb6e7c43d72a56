package org.habarshy.core.api.message;

import java.util.Objects;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * A text message as the user sees it.
 *
 * @param id the id of the envelope that carries it
 * @param direction incoming or outgoing
 * @param peer the other party: author of an incoming message, recipient of an outgoing one
 * @param text the text, already verified
 * @param sentAt the author's clock when written, Unix milliseconds
 * @param state how far it has got
 * @param carriedBy for an outgoing message, how many link sessions took a copy of it or showed they hold it
 *                  ("carried by N"); transport keys change at every start of a node, so one node met on
 *                  three runs counts three times. Always 0 for incoming messages.
 */
public record Message(EnvelopeId id, Direction direction, IdentityKey peer, String text, long sentAt,
                      MessageState state, int carriedBy) {
    /** Creates a message no link has carried yet. */
    public Message(EnvelopeId id, Direction direction, IdentityKey peer, String text, long sentAt,
                   MessageState state) {
        this(id, direction, peer, text, sentAt, state, 0);
    }

    /** Checks no component is null and the count is not negative. */
    public Message {
        if (carriedBy < 0) {
            throw new IllegalArgumentException("carriedBy: " + carriedBy);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
    }
}

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
 */
public record Message(EnvelopeId id, Direction direction, IdentityKey peer, String text, long sentAt,
                      MessageState state) {
    /** Checks no component is null. */
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
    }
}

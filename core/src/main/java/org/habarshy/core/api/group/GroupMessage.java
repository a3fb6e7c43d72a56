package org.habarshy.core.api.group;

import java.util.Objects;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * A text written in a private group.
 *
 * @param id the id of the envelope that carried it
 * @param group the group
 * @param sender the author's identity key
 * @param senderName the author's contact alias if they are a contact, else the name the group gives them
 * @param direction outgoing if this user wrote it
 * @param text the text
 * @param sentAt the author's clock, Unix ms
 */
public record GroupMessage(EnvelopeId id, GroupId group, IdentityKey sender, String senderName, Direction direction,
                           String text, long sentAt) {
    /** Checks the fields. */
    public GroupMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(senderName, "senderName");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
    }
}

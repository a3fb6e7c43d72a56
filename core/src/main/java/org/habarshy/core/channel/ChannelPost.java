package org.habarshy.core.channel;

import java.util.Objects;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * A verified post of a channel this account follows.
 *
 * @param channel the user's name for the channel
 * @param id the id of the envelope that carried it
 * @param sequence the poster's sequence number
 * @param severity how important it is
 * @param createdAt Unix ms, as the poster stated it
 * @param expiresAt Unix ms
 * @param text the alert text
 * @param read whether the user has seen it
 */
public record ChannelPost(String channel, EnvelopeId id, long sequence, Severity severity, long createdAt,
                          long expiresAt, String text, boolean read) {
    /** Checks for nulls. */
    public ChannelPost {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    /** Returns a description without the text. */
    @Override
    public String toString() {
        return "ChannelPost[" + channel + " #" + sequence + " " + severity + "]";
    }
}

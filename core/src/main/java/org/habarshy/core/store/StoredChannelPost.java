package org.habarshy.core.store;

import java.util.Objects;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * A verified channel post as stored (text opened).
 *
 * @param id the id of the envelope that carried it
 * @param channelKey the channel's Ed25519 public key (copied in and out)
 * @param sequence the poster's sequence number
 * @param severity 1 info, 2 warning, 3 urgent
 * @param createdAt Unix ms
 * @param expiresAt Unix ms
 * @param text the post text
 * @param receivedAt Unix ms, when this account stored it
 * @param read whether the user has seen it
 */
public record StoredChannelPost(EnvelopeId id, byte[] channelKey, long sequence, int severity, long createdAt,
                                long expiresAt, String text, long receivedAt, boolean read) {
    /** Checks and copies the fields. */
    public StoredChannelPost {
        Objects.requireNonNull(id, "id");
        channelKey = Objects.requireNonNull(channelKey, "channelKey").clone();
        Objects.requireNonNull(text, "text");
    }

    @Override
    public byte[] channelKey() {
        return channelKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredChannelPost other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Returns a description without the text. */
    @Override
    public String toString() {
        return "StoredChannelPost[seq=" + sequence + ", severity=" + severity + "]";
    }
}

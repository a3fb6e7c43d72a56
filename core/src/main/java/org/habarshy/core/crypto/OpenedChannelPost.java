package org.habarshy.core.crypto;

import java.util.Objects;

/**
 * A channel post whose signature verified (and, for a private channel, whose body decrypted). Instances come only
 * from {@link ChannelPostFormat#open}.
 *
 * @param createdAt Unix ms, from the envelope header
 * @param expiresAt Unix ms, from the envelope header
 * @param sequence the poster's sequence number, unique per channel
 * @param severity {@link ChannelPostFormat#SEVERITY_INFO}, {@code _WARNING} or {@code _URGENT}
 * @param text the alert text
 */
public record OpenedChannelPost(long createdAt, long expiresAt, long sequence, int severity, String text) {
    /** Checks the fields are present. */
    public OpenedChannelPost {
        Objects.requireNonNull(text, "text");
    }

    /** Returns a description without the text. */
    @Override
    public String toString() {
        return "OpenedChannelPost[seq=" + sequence + ", severity=" + severity + ", " + text.length() + " chars]";
    }
}

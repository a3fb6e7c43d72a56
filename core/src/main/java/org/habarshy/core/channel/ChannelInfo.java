package org.habarshy.core.channel;

import java.util.Objects;

/**
 * A channel as the user sees it.
 *
 * @param name the user's name for it
 * @param key its public key
 * @param isPrivate whether its posts are encrypted to subscribers
 * @param canPost whether this device holds the posting key
 * @param unread unexpired posts not yet seen
 */
public record ChannelInfo(String name, ChannelKey key, boolean isPrivate, boolean canPost, int unread) {
    /** Checks for nulls. */
    public ChannelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
    }
}

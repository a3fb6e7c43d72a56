package org.habarshy.core.channel;

import java.time.Duration;
import org.habarshy.core.crypto.InvalidChannelPostException;
import org.habarshy.core.crypto.InvalidChannelPostException.Reason;
import org.habarshy.core.crypto.OpenedChannelPost;

/** The lifetime rules of docs/PROTOCOL.md §3 ("Acceptance"), applied again to a post before it is shown. Pure. */
final class PostLifetime {
    /** How long a post written here lives unless the poster says otherwise. */
    static final Duration DEFAULT = Duration.ofDays(3);
    /** Longest lifetime of any envelope. */
    static final Duration MAX = Duration.ofDays(30);
    /** How far ahead of this node's clock a post may be dated. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private PostLifetime() {
    }

    /** Refuses a post that expired at {@code now}, is dated too far ahead, or claims too long a life. */
    static void check(OpenedChannelPost post, long now) throws InvalidChannelPostException {
        if (post.expiresAt() <= now) {
            throw new InvalidChannelPostException(Reason.EXPIRED, "post expired");
        }
        if (post.createdAt() > now + MAX_CLOCK_SKEW.toMillis()) {
            throw new InvalidChannelPostException(Reason.EXPIRED, "post is dated more than a day ahead");
        }
        if (post.expiresAt() - post.createdAt() > MAX.toMillis()) {
            throw new InvalidChannelPostException(Reason.EXPIRED, "post claims a lifetime over 30 days");
        }
    }
}

package org.habarshy.core.channel;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.habarshy.core.crypto.InvalidChannelPostException;
import org.habarshy.core.crypto.OpenedChannelPost;
import org.junit.jupiter.api.Test;

/** A verified post is still refused when it expired, is dated too far ahead or claims too long a life. */
class PostLifetimeTest {
    private static final long NOW = 1_750_000_000_000L;
    private static final long DAY = 86_400_000L;

    private static OpenedChannelPost post(long createdAt, long expiresAt) {
        return new OpenedChannelPost(createdAt, expiresAt, 1, 1, "x");
    }

    @Test
    void refusesExpiredFutureAndTooLongLivedPosts() {
        assertThatCode(() -> PostLifetime.check(post(NOW - DAY, NOW + DAY), NOW)).doesNotThrowAnyException();
        for (OpenedChannelPost bad : new OpenedChannelPost[] {post(NOW - 2 * DAY, NOW), post(NOW + 2 * DAY,
                NOW + 3 * DAY), post(NOW - DAY, NOW + 30 * DAY)}) {
            assertThatThrownBy(() -> PostLifetime.check(bad, NOW)).isInstanceOf(InvalidChannelPostException.class)
                    .extracting(e -> ((InvalidChannelPostException) e).reason())
                    .isEqualTo(InvalidChannelPostException.Reason.EXPIRED);
        }
    }
}

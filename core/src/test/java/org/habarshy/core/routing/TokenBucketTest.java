package org.habarshy.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The bucket with time given by the test (nanoseconds). */
class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketGivesItsBurstWithoutWaiting() {
        TokenBucket bucket = new TokenBucket(10, 10, 0);
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.take(1, 0)).isZero();
        }
        assertThat(bucket.take(1, 0)).isEqualTo(SECOND / 10);
    }

    @Test
    void debtIsPaidBackAtTheRate() {
        TokenBucket bucket = new TokenBucket(100, 100, 0);
        assertThat(bucket.take(300, 0)).isEqualTo(2 * SECOND);
        assertThat(bucket.take(0, SECOND)).isEqualTo(SECOND);
        assertThat(bucket.take(0, 2 * SECOND)).isZero();
    }

    @Test
    void refillStopsAtTheBurst() {
        TokenBucket bucket = new TokenBucket(100, 50, 0);
        assertThat(bucket.available(10 * SECOND)).isEqualTo(50.0);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 1, 0).take(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

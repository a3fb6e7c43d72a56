package org.habarshy.core.routing;

/**
 * A token bucket that may go into debt: a caller takes what it already received, and learns how long to wait
 * before taking more. It refills at {@code perSecond} tokens per second up to {@code burst}. Time comes from the
 * caller (nanoseconds of a monotonic clock), so it is deterministic under test. Not thread-safe: one link uses
 * it from its event loop.
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    /** Creates a full bucket at time {@code nowNanos}. */
    public TokenBucket(long perSecond, long burst, long nowNanos) {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /**
     * Takes {@code n} tokens at {@code nowNanos}, going into debt if there are not enough, and returns how many
     * nanoseconds remain until the balance is back to zero (0 if it did not go into debt).
     */
    public long take(long n, long nowNanos) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        refill(nowNanos);
        tokens -= n;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }

    /** Returns the tokens available at {@code nowNanos} (negative while in debt). */
    public double available(long nowNanos) {
        refill(nowNanos);
        return tokens;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perNano);
            last = nowNanos;
        }
    }
}

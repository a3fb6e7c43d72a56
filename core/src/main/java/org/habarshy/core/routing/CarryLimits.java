package org.habarshy.core.routing;

/**
 * How much a node carries for others and how fast it accepts it from one link.
 *
 * @param quotaBytes most bytes of envelopes received from peers the store holds (this user's own envelopes
 *                   are not counted and never evicted)
 * @param originQuotaBytes most of those bytes one origin (one delivering link session) may hold
 * @param envelopesPerSecond sustained envelopes per second accepted from one link; a burst of one second's
 *                           worth is allowed
 * @param bytesPerSecond sustained envelope bytes per second accepted from one link, with the same burst
 */
public record CarryLimits(long quotaBytes, long originQuotaBytes, long envelopesPerSecond, long bytesPerSecond) {
    /** Default quota: 256 MiB. */
    public static final long DEFAULT_QUOTA_BYTES = 256L * 1024 * 1024;
    /** Default per-link rate: envelopes per second. */
    public static final long DEFAULT_ENVELOPES_PER_SECOND = 2_000;
    /** Default per-link rate: bytes per second (32 MiB). */
    public static final long DEFAULT_BYTES_PER_SECOND = 32L * 1024 * 1024;
    /** The defaults: 256 MiB, a quarter of it per origin, 2,000 envelopes/s and 32 MiB/s per link. */
    public static final CarryLimits DEFAULTS = withQuota(DEFAULT_QUOTA_BYTES);

    /** Checks that every limit is positive and that one origin's share fits in the quota. */
    public CarryLimits {
        if (quotaBytes <= 0 || originQuotaBytes <= 0 || envelopesPerSecond <= 0 || bytesPerSecond <= 0) {
            throw new IllegalArgumentException("carry limits must be positive");
        }
        if (originQuotaBytes > quotaBytes) {
            throw new IllegalArgumentException("the per-origin quota cannot exceed the quota");
        }
    }

    /** Returns the default limits with another quota; one origin may hold a quarter of it. */
    public static CarryLimits withQuota(long quotaBytes) {
        return new CarryLimits(quotaBytes, Math.max(1, quotaBytes / 4), DEFAULT_ENVELOPES_PER_SECOND,
                DEFAULT_BYTES_PER_SECOND);
    }

    /** Returns these limits with other per-link rates. */
    public CarryLimits withRates(long envelopes, long bytes) {
        return new CarryLimits(quotaBytes, originQuotaBytes, envelopes, bytes);
    }
}

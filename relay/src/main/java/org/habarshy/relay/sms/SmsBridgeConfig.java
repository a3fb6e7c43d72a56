package org.habarshy.relay.sms;

import java.time.Duration;

/**
 * Limits and timers of an {@link SmsBridge}. Config keys (for the relay daemon's file) are given per field.
 *
 * @param dailyBudget          {@code sms.budget.daily}: SMS segments the relay may send per UTC day, all origins
 * @param perOriginDaily       {@code sms.budget.per-origin}: segments per UTC day for one origin (mesh peer or user)
 * @param inboundPerSenderDaily {@code sms.inbound.per-sender}: payloads accepted per UTC day from one phone number
 * @param maxIncompletePerSender {@code sms.inbound.max-incomplete}: concatenated sets held open per phone number
 * @param requestMissingAfter  {@code sms.reassembly.request-after}: how long a set must have received no part before the sender is asked for the missing ones
 * @param maxResendRequests    {@code sms.reassembly.max-requests}: requests per incomplete set
 * @param expireIncompleteAfter {@code sms.reassembly.expire-after}: an incomplete set is dropped after this
 * @param maxAttempts          {@code sms.send.max-attempts}: send attempts of one segment (including resends)
 * @param retryBase            {@code sms.send.retry-base}: first back-off after a failed send, doubled each time
 * @param retryMax             {@code sms.send.retry-max}: longest back-off
 * @param tick                 {@code sms.tick}: how often the queue is pumped and incomplete sets checked
 * @param sendsPerTick         {@code sms.send.per-tick}: segments sent per tick at most (a simple rate limit)
 * @param plainTextLifetime    {@code sms.plain.lifetime}: how long an unencrypted fallback SMS may wait in the queue
 */
public record SmsBridgeConfig(int dailyBudget, int perOriginDaily, int inboundPerSenderDaily,
        int maxIncompletePerSender, Duration requestMissingAfter, int maxResendRequests,
        Duration expireIncompleteAfter, int maxAttempts, Duration retryBase, Duration retryMax, Duration tick,
        int sendsPerTick, Duration plainTextLifetime) {
    /** Checks that every limit is positive. */
    public SmsBridgeConfig {
        if (dailyBudget < 1 || perOriginDaily < 1 || inboundPerSenderDaily < 1 || maxIncompletePerSender < 1
                || maxResendRequests < 0 || maxAttempts < 1 || sendsPerTick < 1) {
            throw new IllegalArgumentException("SMS limits must be positive");
        }
        if (tick.isZero() || tick.isNegative() || retryBase.isNegative() || retryMax.compareTo(retryBase) < 0
                || expireIncompleteAfter.compareTo(requestMissingAfter) < 0) {
            throw new IllegalArgumentException("SMS timers are inconsistent");
        }
    }

    /** Returns the defaults: 500 segments a day, 50 per origin, parts requested after 2 min, dropped after 6 h. */
    public static SmsBridgeConfig defaults() {
        return new SmsBridgeConfig(500, 50, 200, 16, Duration.ofMinutes(2), 2, Duration.ofHours(6), 5,
                Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofSeconds(1), 5, Duration.ofDays(1));
    }
}

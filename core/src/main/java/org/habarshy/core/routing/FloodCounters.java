package org.habarshy.core.routing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, since the node started, envelopes refused by reason, envelopes evicted for the quota, and how often a
 * link was paused by its rate limit. Thread-safe: the store thread and the I/O threads both count.
 */
public final class FloodCounters {
    private final Map<Rejection, AtomicLong> rejected = new EnumMap<>(Rejection.class);
    private final AtomicLong evicted = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    /** Creates counters at zero. */
    public FloodCounters() {
        for (Rejection r : Rejection.values()) {
            rejected.put(r, new AtomicLong());
        }
    }

    /** Counts one refused envelope. */
    public void reject(Rejection reason) {
        rejected.get(reason).incrementAndGet();
    }

    /** Counts one envelope evicted to make room. */
    public void evict() {
        evicted.incrementAndGet();
    }

    /** Counts one pause of a link by its rate limit. */
    public void throttle() {
        throttled.incrementAndGet();
    }

    /** Returns how many envelopes were refused for {@code reason}. */
    public long rejected(Rejection reason) {
        return rejected.get(reason).get();
    }

    /** Returns how many envelopes were refused for any reason except {@link Rejection#DUPLICATE}. */
    public long rejectedTotal() {
        long sum = 0;
        for (Map.Entry<Rejection, AtomicLong> e : rejected.entrySet()) {
            if (e.getKey() != Rejection.DUPLICATE) {
                sum += e.getValue().get();
            }
        }
        return sum;
    }

    /** Returns the count of every reason, keyed by {@link Rejection#label()}, in declaration order. */
    public Map<String, Long> rejectedByReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<Rejection, AtomicLong> e : rejected.entrySet()) {
            out.put(e.getKey().label(), e.getValue().get());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Returns how many envelopes were evicted for the quota. */
    public long evicted() {
        return evicted.get();
    }

    /** Returns how many times a link was paused by its rate limit. */
    public long throttled() {
        return throttled.get();
    }
}

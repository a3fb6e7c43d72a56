package org.habarshy.relay.status;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Monotonic counters of one relay run. Thread-safe, lock-free. */
public final class RelayCounters {
    private final AtomicLongArray values = new AtomicLongArray(Counter.values().length);

    /** Adds one to {@code counter}. */
    public void increment(Counter counter) {
        values.incrementAndGet(counter.ordinal());
    }

    /** Returns the current value of {@code counter}. */
    public long get(Counter counter) {
        return values.get(counter.ordinal());
    }

    /** Returns every counter's value now. */
    public Map<Counter, Long> snapshot() {
        Map<Counter, Long> out = new EnumMap<>(Counter.class);
        for (Counter c : Counter.values()) {
            out.put(c, values.get(c.ordinal()));
        }
        return out;
    }
}

package org.habarshy.core.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for a condition that other threads (or processes) make true. The deadline only bounds a
 * failing test; it asserts nothing about speed.
 */
public final class Await {
    private Await() {
    }

    /** Polls {@code condition} every 50 ms until it holds, or fails with {@code what} after {@code limit}. */
    public static void until(String what, Duration limit, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }
}

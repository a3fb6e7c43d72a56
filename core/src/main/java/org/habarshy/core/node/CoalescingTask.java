package org.habarshy.core.node;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A periodic job for a busy single-thread executor: {@link #submit()} queues the job unless an earlier submission
 * has not started yet, so a store thread that falls behind (a large reconciliation snapshot, a slow disk) finds at
 * most one copy of each periodic job waiting instead of a pile that grows every period and starves link work.
 * Thread-safe.
 */
final class CoalescingTask {
    private final Executor executor;
    private final Runnable job;
    private final AtomicBoolean queued = new AtomicBoolean();

    CoalescingTask(Executor executor, Runnable job) {
        this.executor = executor;
        this.job = job;
    }

    /** Queues the job on the executor, unless it is already queued and has not started; never blocks. */
    void submit() {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                queued.set(false);
                job.run();
            });
        } catch (RejectedExecutionException e) {
            // The executor is shutting down with the node: nothing periodic is wanted any more.
            queued.set(false);
        }
    }
}

package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingTaskTest {
    /** An executor that only queues, so the test decides when queued work runs (a busy store thread). */
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final CoalescingTask task = new CoalescingTask(waiting::add, runs::incrementAndGet);

    @Test
    void aBusyExecutorHoldsAtMostOneCopyOfTheJob() {
        for (int period = 0; period < 50; period++) {
            task.submit();
        }

        assertThat(waiting).hasSize(1);
        waiting.poll().run();
        assertThat(runs).hasValue(1);
    }

    @Test
    void theJobIsQueuedAgainOnceItHasStarted() {
        task.submit();
        waiting.poll().run();
        task.submit();
        task.submit();

        assertThat(waiting).hasSize(1);
        waiting.poll().run();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aShutDownExecutorIsNotAnError() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdown();
        CoalescingTask late = new CoalescingTask(executor, runs::incrementAndGet);

        late.submit();
        late.submit();

        assertThat(runs).hasValue(0);
    }
}

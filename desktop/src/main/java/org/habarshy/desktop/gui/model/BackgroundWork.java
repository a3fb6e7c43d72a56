package org.habarshy.desktop.gui.model;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs everything that may block (database, key derivation, node start and stop, file I/O) on one named thread,
 * "habarshy-gui-work", and hands results to the UI thread through {@code ui} (the Swing event queue in the app, a
 * plain executor in tests). One thread keeps the order of the user's actions: a message sent after a contact was
 * added finds the contact.
 */
public final class BackgroundWork implements AutoCloseable {
    /** A task that may throw. */
    @FunctionalInterface
    public interface Task<T> {
        /** Does the work off the UI thread. */
        T run() throws Exception;
    }

    private static final System.Logger LOG = System.getLogger(BackgroundWork.class.getName());

    private final ScheduledExecutorService worker;
    private final Executor ui;

    /** Creates the worker thread; results go to {@code ui}. */
    public BackgroundWork(Executor ui) {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "habarshy-gui-work" + (count.getAndIncrement() == 0 ? "" : "-" + count.get()));
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.worker = executor;
        this.ui = ui;
    }

    /** Runs {@code task} on the worker, then {@code done} or {@code failed} on the UI thread. */
    public <T> void submit(Task<T> task, Consumer<T> done, Consumer<Exception> failed) {
        try {
            worker.execute(() -> {
                T result;
                try {
                    result = task.run();
                } catch (Exception e) {
                    ui.execute(() -> failed.accept(e));
                    return;
                }
                ui.execute(() -> done.accept(result));
            });
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "background work refused after close");
        }
    }

    /** Runs {@code action} on the UI thread. */
    public void onUi(Runnable action) {
        ui.execute(action);
    }

    /** Runs {@code task} on the worker every {@code periodMillis}, first after {@code periodMillis}. */
    public void every(long periodMillis, Runnable task) {
        worker.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "periodic task failed: " + e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Returns a task result on the worker thread and waits; for tests and shut-down only, never the UI thread. */
    public <T> T call(Callable<T> task) throws Exception {
        try {
            return worker.submit(task).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Stops the periodic work, lets queued work finish (bounded), and stops the thread. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

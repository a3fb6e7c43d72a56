package org.habarshy.core.store;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Runs transactions on an account's single store thread and waits for them. Never call it from that thread: it
 * would wait for itself.
 */
public final class StoreThread {
    private final Database db;
    private final ExecutorService executor;

    /** Runs on {@code executor}, the one thread that uses {@code db}. */
    public StoreThread(Database db, ExecutorService executor) {
        this.db = db;
        this.executor = executor;
    }

    /** Runs {@code body} in a read transaction on the store thread and returns its result. */
    public <T> T read(TransactionBody<T> body) throws StoreException {
        return await(executor, () -> db.read(body));
    }

    /** Runs {@code body} in a write transaction on the store thread and returns its result. */
    public <T> T write(TransactionBody<T> body) throws StoreException {
        return await(executor, () -> db.write(body));
    }

    /** Runs {@code task} on the store thread later, without waiting. */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /**
     * Runs {@code task} on {@code executor} and waits for it; its {@link StoreException} or runtime exception is
     * thrown here, an interruption becomes a {@link StoreException} with the interrupt flag kept.
     */
    public static <T> T await(ExecutorService executor, Task<T> task) throws StoreException {
        try {
            return executor.submit((Callable<T>) task::call).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Reason.IO, "interrupted while waiting for the database");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException store) {
                throw store;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Work for the store thread that may fail with a {@link StoreException}. */
    @FunctionalInterface
    public interface Task<T> {
        /** Does the work; runs on the store thread. */
        T call() throws StoreException;
    }
}

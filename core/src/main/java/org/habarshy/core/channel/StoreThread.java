package org.habarshy.core.channel;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.TransactionBody;

/** Runs transactions on the account's single store thread and waits for them. Never call it from that thread. */
final class StoreThread {
    private final Database db;
    private final ExecutorService executor;

    StoreThread(Database db, ExecutorService executor) {
        this.db = db;
        this.executor = executor;
    }

    <T> T read(TransactionBody<T> body) throws StoreException {
        return call(() -> db.read(body));
    }

    <T> T write(TransactionBody<T> body) throws StoreException {
        return call(() -> db.write(body));
    }

    /** Runs {@code task} on the store thread later, without waiting. */
    void execute(Runnable task) {
        executor.execute(task);
    }

    private <T> T call(Callable<T> task) throws StoreException {
        try {
            return executor.submit(task).get();
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
}

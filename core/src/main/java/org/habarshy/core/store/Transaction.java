package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One open database transaction, handed to a {@link TransactionBody}. It is valid only while the body runs;
 * using it afterwards throws {@link IllegalStateException}.
 */
public final class Transaction {
    private final Connection connection;
    private final SqliteErrors errors;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private boolean open = true;

    Transaction(Connection connection, SqliteErrors errors) {
        this.connection = connection;
        this.errors = errors;
    }

    /** Returns the JDBC connection, which is inside this transaction. */
    Connection connection() {
        checkOpen();
        return connection;
    }

    /**
     * Registers {@code action} to run after this transaction commits successfully, in registration order,
     * on the thread that called {@link Database#write} or {@link Database#read}. It never runs on rollback.
     */
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        checkOpen();
        afterCommit.add(action);
    }

    /** Translates a failure of a statement run in this transaction. */
    StoreException error(SQLException e) {
        return errors.translate(e);
    }

    /** Reports a row that cannot be decoded, which means the file was damaged or written by something else. */
    StoreException corruptRow(RuntimeException e) {
        return errors.corrupt(e);
    }

    /** Ends the transaction; further use is refused. */
    void end() {
        open = false;
    }

    /**
     * Runs the after-commit actions in order. Every action runs even if an earlier one throws; the first
     * exception is then rethrown with later ones suppressed. The commit itself stands either way.
     */
    void runAfterCommit() {
        RuntimeException first = null;
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        afterCommit.clear();
        if (first != null) {
            throw first;
        }
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("transaction has already ended");
        }
    }
}

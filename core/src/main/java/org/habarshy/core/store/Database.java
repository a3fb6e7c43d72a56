package org.habarshy.core.store;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.store.StoreException.Reason;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite file opened in WAL mode with {@code synchronous=FULL}, so every committed transaction survives a
 * crash or kill. It holds a single connection and is NOT thread-safe: callers confine it to one thread (the
 * node's store executor). Other processes may open the same file at the same time.
 */
public final class Database implements AutoCloseable {
    /** How long to wait for another process's lock before failing with {@link Reason#BUSY}. */
    static final int BUSY_TIMEOUT_MILLIS = 5000;

    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final int SQLITE_ERROR = 1;

    private final Connection connection;
    private final SqliteErrors errors;
    private Transaction current;
    private boolean closed;

    private Database(Connection connection, SqliteErrors errors) {
        this.connection = connection;
        this.errors = errors;
    }

    /**
     * Opens {@code file}, creating it if absent (its folder must exist), checks its integrity with
     * {@code PRAGMA quick_check} and migrates its schema. Damaged or foreign files fail with
     * {@link Reason#CORRUPT}; files from a newer Habarshy fail with {@link Reason#IO} and say so.
     */
    public static Database open(Path file) throws StoreException {
        return open(file, BUSY_TIMEOUT_MILLIS);
    }

    /**
     * Like {@link #open(Path)} with a custom busy timeout (for tests). Opening a new file races with other
     * processes opening it (switching to WAL and the first migration take exclusive locks, and SQLite reports
     * some lock conflicts at once instead of waiting), so a busy open is retried until the timeout elapses.
     */
    static Database open(Path file, int busyTimeoutMillis) throws StoreException {
        Objects.requireNonNull(file, "file");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(busyTimeoutMillis);
        while (true) {
            try {
                return openOnce(file, busyTimeoutMillis);
            } catch (StoreException e) {
                if (e.reason() != Reason.BUSY || System.nanoTime() > deadline) {
                    throw e;
                }
                pauseBeforeRetry();
            }
        }
    }

    private static void pauseBeforeRetry() throws StoreException {
        try {
            Thread.sleep(10 + ThreadLocalRandom.current().nextInt(40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(Reason.BUSY, "interrupted while waiting for the database");
        }
    }

    private static Database openOnce(Path file, int busyTimeoutMillis) throws StoreException {
        SqliteErrors errors = new SqliteErrors(String.valueOf(file.getFileName()));
        Connection connection;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(busyTimeoutMillis);
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw errors.translate(e);
        }
        Database database = new Database(connection, errors);
        try {
            database.configure(busyTimeoutMillis);
            database.quickCheck();
            new SchemaMigrator().migrate(connection, errors);
        } catch (StoreException | RuntimeException e) {
            database.close();
            throw e;
        }
        LOG.log(Level.DEBUG, "opened database {0}", errors.fileName());
        return database;
    }

    /**
     * Runs {@code body} in a write transaction ({@code BEGIN IMMEDIATE}) and commits it. Any exception rolls
     * everything back and propagates; after a successful commit the {@link Transaction#afterCommit} actions run.
     */
    public <T> T write(TransactionBody<T> body) throws StoreException {
        return inTransaction(true, body);
    }

    /**
     * Runs {@code body} in a read transaction ({@code BEGIN DEFERRED}), which sees one consistent snapshot.
     * Writing inside it fails with {@link Reason#IO}.
     */
    public <T> T read(TransactionBody<T> body) throws StoreException {
        return inTransaction(false, body);
    }

    /**
     * Returns {@code PRAGMA data_version}: it changes between two calls iff another connection (for example a
     * CLI process) committed in between. Commits through this instance do not change it.
     */
    public long dataVersion() throws StoreException {
        checkOpen();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw errors.translate(e);
        }
    }

    /** Closes the connection; an unfinished transaction is rolled back. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "closing database " + errors.fileName() + " failed", e);
        }
    }

    @Override
    public String toString() {
        return "Database[" + errors.fileName() + (closed ? ", closed]" : "]");
    }

    private <T> T inTransaction(boolean write, TransactionBody<T> body) throws StoreException {
        Objects.requireNonNull(body, "body");
        checkOpen();
        if (current != null) {
            throw new IllegalStateException("a transaction is already running; nested transactions are not supported");
        }
        Transaction txn = new Transaction(connection, errors);
        current = txn;
        T result;
        try {
            if (!write) {
                execute("PRAGMA query_only = ON");
            }
            try {
                result = commitOrRollback(write, txn, body);
            } finally {
                if (!write) {
                    resetQueryOnly();
                }
            }
        } finally {
            txn.end();
            current = null;
        }
        txn.runAfterCommit();
        return result;
    }

    private <T> T commitOrRollback(boolean write, Transaction txn, TransactionBody<T> body) throws StoreException {
        execute(write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
        try {
            T result = body.run(txn);
            execute("COMMIT");
            return result;
        } catch (StoreException | RuntimeException | Error e) {
            rollback(e);
            throw e;
        }
    }

    private void rollback(Throwable failure) {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("ROLLBACK");
        } catch (SQLException e) {
            // SQLite already rolled back by itself after some errors (e.g. disk full); nothing is left to undo.
            if ((e.getErrorCode() & 0xff) != SQLITE_ERROR) {
                failure.addSuppressed(e);
            }
        }
    }

    private void resetQueryOnly() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = OFF");
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "could not leave read-only mode on " + errors.fileName(), e);
        }
    }

    private void configure(int busyTimeoutMillis) throws StoreException {
        String mode = queryString("PRAGMA journal_mode = WAL");
        if (!"wal".equalsIgnoreCase(mode)) {
            throw new StoreException(Reason.IO, "cannot use write-ahead logging for database file "
                    + errors.fileName() + "; put it on a local disk");
        }
        execute("PRAGMA synchronous = FULL");
        execute("PRAGMA foreign_keys = ON");
        execute("PRAGMA secure_delete = ON"); // deleted rows (expired messages, replaced text) are zeroed
        execute("PRAGMA busy_timeout = " + busyTimeoutMillis);
    }

    private void quickCheck() throws StoreException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw errors.translate(e);
        }
        if (!problems.equals(List.of("ok"))) {
            LOG.log(Level.ERROR, "quick_check of {0} found {1} problem(s), first: {2}",
                    errors.fileName(), problems.size(), problems.isEmpty() ? "none reported" : problems.get(0));
            throw errors.corrupt(null);
        }
    }

    private String queryString(String sql) throws StoreException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw errors.translate(e);
        }
    }

    private void execute(String sql) throws StoreException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw errors.translate(e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("database is closed");
        }
    }
}

package org.habarshy.core.store;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.habarshy.core.store.StoreException.Reason;

/**
 * Brings a database file's schema up to the version this code knows, one {@link Migration} per step, keyed by
 * {@code PRAGMA user_version}. Each step runs in its own {@code BEGIN IMMEDIATE} transaction and re-reads the
 * version under the lock, so two processes opening the same new file at once migrate it exactly once.
 */
final class SchemaMigrator {
    /** {@code PRAGMA application_id} of Habarshy files: ASCII "Haba". */
    static final int APPLICATION_ID = 0x48616261;

    private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());

    private final List<Migration> steps;

    SchemaMigrator() {
        this(List.of(new MigrationV1(), new MigrationV2(), new MigrationV3(), new MigrationV4(),
                new MigrationV5(), new MigrationV6(), new MigrationV7(), new MigrationV8(), new MigrationV9(),
                new MigrationV10()));
    }

    SchemaMigrator(List<Migration> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).fromVersion() != i) {
                throw new IllegalArgumentException("migration " + i + " starts from " + steps.get(i).fromVersion());
            }
        }
        this.steps = List.copyOf(steps);
    }

    /** Returns the schema version the code knows. */
    int latestVersion() {
        return steps.size();
    }

    /**
     * Refuses files that are not Habarshy databases or that come from a newer program, then applies the
     * missing steps.
     */
    void migrate(Connection connection, SqliteErrors errors) throws StoreException {
        try {
            int version = checkFile(connection, errors);
            boolean fresh = version == 0;
            while (version < latestVersion()) {
                version = applyStep(connection, version, fresh);
            }
            if (version > latestVersion()) {
                throw newerSchema(errors, version);
            }
        } catch (SQLException e) {
            throw errors.translate(e);
        }
    }

    private int checkFile(Connection connection, SqliteErrors errors) throws SQLException, StoreException {
        int applicationId;
        int version;
        int tables;
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("BEGIN DEFERRED"); // one snapshot while another process may be migrating
            try {
                applicationId = intPragma(connection, "PRAGMA application_id");
                version = intPragma(connection, "PRAGMA user_version");
                tables = intPragma(connection, "SELECT count(*) FROM sqlite_schema");
            } finally {
                statement.executeUpdate("COMMIT");
            }
        }
        boolean empty = applicationId == 0 && version == 0 && tables == 0;
        if (applicationId != APPLICATION_ID && !empty) {
            LOG.log(Level.ERROR, "refusing {0}: an SQLite file but not a Habarshy database", errors.fileName());
            throw errors.corrupt(null);
        }
        if (version > latestVersion()) {
            throw newerSchema(errors, version);
        }
        return version;
    }

    private StoreException newerSchema(SqliteErrors errors, int version) {
        LOG.log(Level.ERROR, "refusing {0}: schema version {1} is newer than {2}",
                errors.fileName(), version, latestVersion());
        return new StoreException(Reason.IO, "database file " + errors.fileName()
                + " was written by a newer version of Habarshy (schema " + version + ", this version knows up to "
                + latestVersion() + "); upgrade Habarshy to open it");
    }

    private int applyStep(Connection connection, int expected, boolean fresh) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("BEGIN IMMEDIATE");
            try {
                int version = intPragma(connection, "PRAGMA user_version");
                if (version == expected) {
                    steps.get(version).apply(connection);
                    statement.executeUpdate("PRAGMA user_version = " + (version + 1));
                    LOG.log(fresh ? Level.DEBUG : Level.INFO, "migrated database schema from version {0} to {1}",
                            version, version + 1);
                    version++;
                }
                statement.executeUpdate("COMMIT");
                return version;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(statement, e);
                throw e;
            }
        }
    }

    private static void rollbackQuietly(Statement statement, Throwable failure) {
        try {
            statement.executeUpdate("ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static int intPragma(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}

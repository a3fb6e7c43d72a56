package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Version 2: what the carry quota needs per envelope. {@code size} is the byte length (kept so that usage is
 * summed without reading blobs), {@code origin} names the link session that delivered a carried envelope
 * ({@code ''} for this node's own envelopes and for envelopes stored before version 2), and {@code priority}
 * ranks carried envelopes for eviction (lower goes first). A partial index serves the eviction order. The
 * {@code settings} table holds the user's choices that every process on the directory must see (read receipts).
 */
final class MigrationV2 implements Migration {
    private static final List<String> STATEMENTS = List.of(
            "ALTER TABLE envelopes ADD COLUMN size INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE envelopes ADD COLUMN origin TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE envelopes ADD COLUMN priority INTEGER NOT NULL DEFAULT 0",
            "UPDATE envelopes SET size = length(bytes)",
            "CREATE INDEX envelopes_eviction ON envelopes (origin, priority, hops DESC, created_at) WHERE hops > 0",
            "CREATE TABLE settings (name TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) STRICT");

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.executeUpdate(sql);
            }
        }
    }
}

package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 8 (broadcast channels, docs/PROTOCOL.md §12): the channels this user subscribed to or owns, with
 * the subscriber secret and the posting key sealed (§6.3), and the verified posts received or written, their text
 * sealed. {@code UNIQUE (channel_key, seq)} is what refuses a replayed sequence number.
 */
final class MigrationV8 implements Migration {
    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE channels ("
                    + " channel_key BLOB NOT NULL PRIMARY KEY,"
                    + " name TEXT NOT NULL UNIQUE,"
                    + " private INTEGER NOT NULL,"
                    + " secret BLOB,"
                    + " posting_key BLOB,"
                    + " added_at INTEGER NOT NULL"
                    + ") STRICT",
            "CREATE TABLE channel_posts ("
                    + " id BLOB NOT NULL PRIMARY KEY,"
                    + " channel_key BLOB NOT NULL REFERENCES channels (channel_key) ON DELETE CASCADE,"
                    + " seq INTEGER NOT NULL,"
                    + " severity INTEGER NOT NULL,"
                    + " created_at INTEGER NOT NULL,"
                    + " expires_at INTEGER NOT NULL,"
                    + " body BLOB NOT NULL,"
                    + " received_at INTEGER NOT NULL,"
                    + " read INTEGER NOT NULL DEFAULT 0,"
                    + " UNIQUE (channel_key, seq)"
                    + ") STRICT",
            "CREATE INDEX channel_posts_expires_at ON channel_posts (expires_at)");

    @Override
    public int fromVersion() {
        return 7;
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

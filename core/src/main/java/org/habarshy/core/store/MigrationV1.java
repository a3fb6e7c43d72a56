package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Creates the first schema (version 1) in an empty database and stamps it as a Habarshy file. */
final class MigrationV1 implements Migration {
    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE envelopes ("
                    + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " id BLOB NOT NULL UNIQUE,"
                    + " bytes BLOB NOT NULL,"
                    + " created_at INTEGER NOT NULL,"
                    + " expires_at INTEGER NOT NULL,"
                    + " hops INTEGER NOT NULL,"
                    + " received_at INTEGER NOT NULL"
                    + ") STRICT",
            "CREATE INDEX envelopes_expires_at ON envelopes (expires_at)",
            "CREATE TABLE messages ("
                    + " id BLOB NOT NULL PRIMARY KEY,"
                    + " direction TEXT NOT NULL,"
                    + " peer BLOB NOT NULL,"
                    + " text TEXT NOT NULL,"
                    + " sent_at INTEGER NOT NULL,"
                    + " state TEXT NOT NULL,"
                    + " stored_at INTEGER NOT NULL,"
                    + " ord INTEGER NOT NULL UNIQUE"
                    + ") STRICT",
            "CREATE INDEX messages_peer_sent_at ON messages (peer, sent_at)",
            "CREATE TABLE contacts ("
                    + " alias TEXT NOT NULL UNIQUE,"
                    + " identity_key BLOB NOT NULL PRIMARY KEY,"
                    + " agreement_key BLOB NOT NULL,"
                    + " name TEXT NOT NULL,"
                    + " created_at INTEGER NOT NULL,"
                    + " added_at INTEGER NOT NULL"
                    + ") STRICT",
            "CREATE TABLE peers ("
                    + " host TEXT NOT NULL,"
                    + " port INTEGER NOT NULL,"
                    + " last_seen INTEGER NOT NULL,"
                    + " PRIMARY KEY (host, port)"
                    + ") STRICT",
            "CREATE TABLE pending_open ("
                    + " id BLOB NOT NULL PRIMARY KEY REFERENCES envelopes (id) ON DELETE CASCADE"
                    + ") STRICT",
            "PRAGMA application_id = " + SchemaMigrator.APPLICATION_ID);

    @Override
    public int fromVersion() {
        return 0;
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

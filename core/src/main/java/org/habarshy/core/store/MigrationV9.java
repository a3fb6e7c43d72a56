package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 9 (files and reports, docs/PROTOCOL.md §13): files sent and received, the chunks of incoming files
 * (sealed like message text), the envelopes of outgoing files and reports with their delivery state, and reports.
 */
final class MigrationV9 implements Migration {
    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE attachments (peer BLOB NOT NULL, file_id BLOB NOT NULL, direction TEXT NOT NULL,"
                    + " report_id BLOB, meta BLOB NOT NULL, size INTEGER NOT NULL, chunk_count INTEGER NOT NULL,"
                    + " chunk_size INTEGER NOT NULL, sha256 BLOB NOT NULL, envelope_id BLOB, state TEXT NOT NULL,"
                    + " error TEXT, sent_at INTEGER NOT NULL, stored_at INTEGER NOT NULL,"
                    + " PRIMARY KEY (peer, file_id))",
            "CREATE TABLE attachment_chunks (peer BLOB NOT NULL, file_id BLOB NOT NULL, idx INTEGER NOT NULL,"
                    + " chunk_count INTEGER NOT NULL, size INTEGER NOT NULL, body BLOB NOT NULL,"
                    + " PRIMARY KEY (peer, file_id, idx))",
            "CREATE TABLE attachment_parts (envelope_id BLOB PRIMARY KEY, peer BLOB NOT NULL, owner_id BLOB NOT NULL,"
                    + " idx INTEGER NOT NULL, state TEXT NOT NULL, carried_by INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX attachment_parts_owner ON attachment_parts (owner_id)",
            "CREATE TABLE reports (peer BLOB NOT NULL, report_id BLOB NOT NULL, direction TEXT NOT NULL,"
                    + " body BLOB NOT NULL, file_count INTEGER NOT NULL, envelope_id BLOB NOT NULL,"
                    + " sent_at INTEGER NOT NULL, stored_at INTEGER NOT NULL, PRIMARY KEY (peer, report_id))");

    @Override
    public int fromVersion() {
        return 8;
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

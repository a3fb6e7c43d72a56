package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 7 (private groups, docs/PROTOCOL.md §11): groups, their signed membership changes, sender keys
 * (sealed), group messages (bodies sealed), group messages waiting for a sender key, and changes that arrived
 * before the changes they follow.
 */
final class MigrationV7 implements Migration {
    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE groups (id BLOB PRIMARY KEY, name TEXT NOT NULL, epoch INTEGER NOT NULL,"
                    + " head BLOB NOT NULL, member INTEGER NOT NULL, joined_at INTEGER NOT NULL)",
            "CREATE TABLE group_changes (group_id BLOB NOT NULL, epoch INTEGER NOT NULL, change BLOB NOT NULL,"
                    + " signature BLOB NOT NULL, PRIMARY KEY (group_id, epoch))",
            "CREATE TABLE group_sender_keys (group_id BLOB NOT NULL, epoch INTEGER NOT NULL, sender BLOB NOT NULL,"
                    + " tag BLOB NOT NULL, state BLOB NOT NULL, stored_at INTEGER NOT NULL,"
                    + " PRIMARY KEY (group_id, epoch, sender))",
            "CREATE INDEX group_sender_keys_tag ON group_sender_keys (tag)",
            "CREATE TABLE group_messages (id BLOB PRIMARY KEY, group_id BLOB NOT NULL, sender BLOB NOT NULL,"
                    + " direction TEXT NOT NULL, sent_at INTEGER NOT NULL, stored_at INTEGER NOT NULL,"
                    + " body BLOB NOT NULL, ord INTEGER NOT NULL)",
            "CREATE INDEX group_messages_group ON group_messages (group_id, ord)",
            "CREATE TABLE group_unmatched (envelope_id BLOB PRIMARY KEY, tag BLOB NOT NULL,"
                    + " expires_at INTEGER NOT NULL)",
            "CREATE INDEX group_unmatched_tag ON group_unmatched (tag)",
            "CREATE TABLE group_pending_changes (group_id BLOB NOT NULL, epoch INTEGER NOT NULL,"
                    + " change BLOB NOT NULL, signature BLOB NOT NULL, PRIMARY KEY (group_id, epoch))");

    @Override
    public int fromVersion() {
        return 6;
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

package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 10 (SMS): phone numbers the user bound to contact aliases, and the history of unencrypted plain SMS
 * this user asked a relay to send. Numbers and texts are stored sealed ({@link FieldCipher}).
 */
final class MigrationV10 implements Migration {
    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE sms_numbers (alias TEXT PRIMARY KEY, sealed BLOB NOT NULL)",
            "CREATE TABLE plain_sms (id BLOB PRIMARY KEY, sent_at INTEGER NOT NULL, sealed BLOB NOT NULL,"
                    + " ord INTEGER NOT NULL)");

    @Override
    public int fromVersion() {
        return 9;
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

package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 5: message text sealed at rest ({@code messages.body}; {@code text} is then empty, and older rows are
 * sealed when an account opens the file), disappearing messages ({@code messages.expires_at}, null = keep) and a
 * per-contact timer ({@code contacts.disappear_after}, milliseconds, 0 = off).
 */
final class MigrationV5 implements Migration {
    @Override
    public int fromVersion() {
        return 4;
    }

    @Override
    public void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("ALTER TABLE messages ADD COLUMN body BLOB");
            statement.executeUpdate("ALTER TABLE messages ADD COLUMN expires_at INTEGER");
            statement.executeUpdate("CREATE INDEX messages_expires_at ON messages (expires_at)"
                    + " WHERE expires_at IS NOT NULL");
            statement.executeUpdate("ALTER TABLE contacts ADD COLUMN disappear_after INTEGER NOT NULL DEFAULT 0"
                    + " CHECK (disappear_after >= 0)");
        }
    }
}

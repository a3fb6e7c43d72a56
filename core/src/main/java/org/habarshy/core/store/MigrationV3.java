package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 3: a verified flag per contact (0 or 1), set when the user has compared safety numbers. Existing
 * contacts start unverified.
 */
final class MigrationV3 implements Migration {
    @Override
    public int fromVersion() {
        return 2;
    }

    @Override
    public void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("ALTER TABLE contacts ADD COLUMN verified INTEGER NOT NULL DEFAULT 0"
                    + " CHECK (verified IN (0, 1))");
        }
    }
}

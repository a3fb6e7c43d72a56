package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 4: forward-secret (Double Ratchet) sessions, several per peer identity key, one of them active for
 * sending. {@code state} is the serialised session, private keys included.
 */
final class MigrationV4 implements Migration {
    @Override
    public int fromVersion() {
        return 3;
    }

    @Override
    public void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE ratchet_sessions ("
                    + " peer BLOB NOT NULL,"
                    + " session_id BLOB NOT NULL,"
                    + " state BLOB NOT NULL,"
                    + " active INTEGER NOT NULL CHECK (active IN (0, 1)),"
                    + " updated_at INTEGER NOT NULL,"
                    + " PRIMARY KEY (peer, session_id)"
                    + ") STRICT");
        }
    }
}

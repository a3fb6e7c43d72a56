package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 6 (links, sync version 2): a covering index that lists offerable envelopes in
 * reconciliation order {@code (created_at, id)} without a sort or a table lookup, and the number of
 * link sessions that carried each outgoing message.
 */
final class MigrationV6 implements Migration {
    private static final List<String> STATEMENTS = List.of(
            "CREATE INDEX envelopes_reconcile ON envelopes (created_at, id, expires_at, hops)",
            "ALTER TABLE messages ADD COLUMN carried_by INTEGER NOT NULL DEFAULT 0");

    @Override
    public int fromVersion() {
        return 5;
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

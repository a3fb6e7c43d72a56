package org.habarshy.desktop;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import org.habarshy.core.node.Account;
import org.sqlite.SQLiteConfig;

/**
 * Read-only SQL on the database of a data directory, from the test JVM, while a node process may be writing it
 * (WAL readers do not block the writer, and this one never writes). Each call opens and closes its own connection, so nothing stays open
 * across a kill or a restart of the node. For counts too fine-grained for 'habarshy status', which a node
 * rewrites every two seconds.
 */
final class StoreProbe {
    private static final int BUSY_TIMEOUT_MILLIS = 5000;

    private StoreProbe() {
    }

    /** Returns how many envelopes {@code data} holds. */
    static long envelopeCount(Path data) throws SQLException {
        return single(data, "SELECT count(*) FROM envelopes");
    }

    /** Returns how many stored envelopes wait to be trial-opened. */
    static long pendingOpenCount(Path data) throws SQLException {
        return single(data, "SELECT count(*) FROM pending_open");
    }

    /** Returns when the message {@code id} (hex) was stored in {@code data}: queued or received, Unix ms. */
    static long messageStoredAt(Path data, String id) throws SQLException {
        return single(data, "SELECT stored_at FROM messages WHERE id = x'" + hex(id) + "'");
    }

    /** Returns when the envelope {@code id} (hex) was stored in {@code data}, Unix ms. */
    static long envelopeReceivedAt(Path data, String id) throws SQLException {
        return single(data, "SELECT received_at FROM envelopes WHERE id = x'" + hex(id) + "'");
    }

    /** Returns when {@code data} last stored an envelope received from a peer (hops > 0), Unix ms, or 0. */
    static long lastReceivedAt(Path data) throws SQLException {
        return single(data, "SELECT coalesce(max(received_at), 0) FROM envelopes WHERE hops > 0");
    }

    /** Returns the ids (hex) of every envelope {@code data} holds. */
    static Set<String> envelopeIds(Path data) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (Connection c = open(data); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM envelopes")) {
            while (rs.next()) {
                ids.add(HexFormat.of().formatHex(rs.getBytes(1)));
            }
        }
        return ids;
    }

    /** Returns the result of {@code PRAGMA integrity_check} ("ok" for a sound file). */
    static String integrityCheck(Path data) throws SQLException {
        try (Connection c = open(data); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(out.length() == 0 ? "" : "\n").append(rs.getString(1));
            }
            return out.toString();
        }
    }

    /** Runs a query returning one number; fails if it returns no row. */
    static long single(Path data, String sql) throws SQLException {
        try (Connection c = open(data); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("no row for " + sql);
            }
            return rs.getLong(1);
        }
    }

    private static String hex(String id) {
        if (!id.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not an envelope id: " + id);
        }
        return id;
    }

    /**
     * Opens the file read-only (SQLITE_OPEN_READONLY): such a connection never checkpoints or removes the WAL when
     * it closes, so a node killed with SIGKILL finds its files as it left them when it restarts.
     */
    private static Connection open(Path data) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config.createConnection("jdbc:sqlite:" + data.resolve(Account.DATABASE_FILE));
    }
}

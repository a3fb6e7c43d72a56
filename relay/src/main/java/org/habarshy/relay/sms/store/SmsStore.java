package org.habarshy.relay.sms.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.segment.SmsSegment;

/**
 * The SMS bridge's SQLite file (WAL): the outgoing queue (pending and recently sent segments, so missing parts can
 * be sent again), received parts of incomplete sets, digests of delivered payloads (duplicate suppression) and the
 * SMS spent per day and origin, the forwarding cursor of every SMS peer (how far into the relay's carried envelopes
 * it has been served) and which phone number each received payload came from (so it is never sent back there).
 * Every change is one transaction, so a crash or a gateway error loses nothing.
 * The file holds peer phone numbers in clear (a relay must know where to send); it is created with mode 0600.
 * Not thread-safe: the bridge calls it from its single SMS thread.
 */
public final class SmsStore implements AutoCloseable {
    private static final int SCHEMA_VERSION = 2;
    private final Connection connection;

    private SmsStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens or creates the store at {@code file}; a new file is created with mode 0600 where POSIX allows. */
    public static SmsStore open(Path file) throws SQLException {
        createPrivate(file);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA application_id=1215390579"); // "HabS"
                int version;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version > SCHEMA_VERSION) {
                    throw new SQLException("SMS store schema " + version + " is newer than this relay");
                }
                s.execute("CREATE TABLE IF NOT EXISTS outbox(id INTEGER PRIMARY KEY AUTOINCREMENT, peer TEXT NOT NULL,"
                        + " reference INTEGER NOT NULL, total INTEGER NOT NULL, idx INTEGER NOT NULL,"
                        + " user_data BLOB NOT NULL, has_header INTEGER NOT NULL, plain INTEGER NOT NULL,"
                        + " attempts INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0,"
                        + " next_attempt INTEGER NOT NULL,"
                        + " expires_at INTEGER NOT NULL, state INTEGER NOT NULL DEFAULT 0)");
                s.execute("CREATE INDEX IF NOT EXISTS outbox_due ON outbox(state, next_attempt)");
                s.execute("CREATE INDEX IF NOT EXISTS outbox_set ON outbox(peer, reference, total, idx)");
                s.execute("CREATE TABLE IF NOT EXISTS parts(peer TEXT NOT NULL, reference INTEGER NOT NULL,"
                        + " total INTEGER NOT NULL, idx INTEGER NOT NULL, payload BLOB NOT NULL,"
                        + " first_seen INTEGER NOT NULL, PRIMARY KEY(peer, reference, total, idx))");
                s.execute("CREATE TABLE IF NOT EXISTS part_sets(peer TEXT NOT NULL, reference INTEGER NOT NULL,"
                        + " total INTEGER NOT NULL, first_seen INTEGER NOT NULL, last_request INTEGER NOT NULL,"
                        + " requests INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(peer, reference, total))");
                s.execute("CREATE TABLE IF NOT EXISTS seen(digest BLOB PRIMARY KEY, expires_at INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS spend(day INTEGER NOT NULL, origin TEXT NOT NULL,"
                        + " segments INTEGER NOT NULL, PRIMARY KEY(day, origin))");
                s.execute("CREATE TABLE IF NOT EXISTS refs(peer TEXT PRIMARY KEY, next INTEGER NOT NULL)");
                // Version 2 (additive): forwarding cursors and which peer each received envelope came from.
                s.execute("CREATE TABLE IF NOT EXISTS cursors(name TEXT PRIMARY KEY, seq INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS arrivals(digest BLOB NOT NULL, peer TEXT NOT NULL,"
                        + " expires_at INTEGER NOT NULL, PRIMARY KEY(digest, peer))");
                s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
            }
            c.setAutoCommit(false);
            c.commit();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new SmsStore(c);
    }

    private static void createPrivate(Path file) throws SQLException {
        if (Files.exists(file)) {
            return;
        }
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile: open it as it is
        } catch (IOException e) {
            throw new SQLException("cannot create the SMS store file", e);
        }
    }

    /** One queued SMS. {@code plain} rows hold UTF-8 text for the unencrypted fallback instead of user data. */
    public record Queued(long id, PhoneNumber peer, int reference, int total, int index, byte[] userData,
            boolean hasHeader, boolean plain, int attempts, int failures, long expiresAt) {
        /** Returns the row as a segment (binary rows only). */
        public SmsSegment segment() {
            return new SmsSegment(userData, hasHeader);
        }
    }

    /** Returns and increments the concatenation reference for {@code peer} (0..255, wrapping). */
    public int nextReference(PhoneNumber peer) throws SQLException {
        int next = 0;
        try (PreparedStatement q = connection.prepareStatement("SELECT next FROM refs WHERE peer = ?")) {
            q.setString(1, peer.e164());
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    next = rs.getInt(1);
                }
            }
        }
        try (PreparedStatement u = connection.prepareStatement(
                "INSERT OR REPLACE INTO refs(peer, next) VALUES (?, ?)")) {
            u.setString(1, peer.e164());
            u.setInt(2, (next + 1) & 0xFF);
            u.executeUpdate();
        }
        return next;
    }

    /** Adds segments to the queue, due now. Part of the caller's transaction. */
    public void enqueue(PhoneNumber peer, int reference, List<SmsSegment> segments, boolean plain, long now,
            long expiresAt) throws SQLException {
        try (PreparedStatement i = connection.prepareStatement("INSERT INTO outbox(peer, reference, total, idx,"
                + " user_data, has_header, plain, next_attempt, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int n = 0; n < segments.size(); n++) {
                i.setString(1, peer.e164());
                i.setInt(2, reference);
                i.setInt(3, segments.size());
                i.setInt(4, n + 1);
                i.setBytes(5, segments.get(n).userData());
                i.setInt(6, segments.get(n).hasHeader() ? 1 : 0);
                i.setInt(7, plain ? 1 : 0);
                i.setLong(8, now);
                i.setLong(9, expiresAt);
                i.addBatch();
            }
            i.executeBatch();
        }
    }

    /** Adds one plain-text (unencrypted) SMS to the queue. */
    public void enqueuePlain(PhoneNumber peer, byte[] utf8Text, long now, long expiresAt) throws SQLException {
        try (PreparedStatement i = connection.prepareStatement("INSERT INTO outbox(peer, reference, total, idx,"
                + " user_data, has_header, plain, next_attempt, expires_at) VALUES (?, -1, 1, 1, ?, 0, 1, ?, ?)")) {
            i.setString(1, peer.e164());
            i.setBytes(2, utf8Text);
            i.setLong(3, now);
            i.setLong(4, expiresAt);
            i.executeUpdate();
        }
    }

    /** Returns at most {@code limit} pending rows due at {@code now}, oldest first. */
    public List<Queued> due(long now, int limit) throws SQLException {
        List<Queued> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT id, peer, reference, total, idx, user_data,"
                + " has_header, plain, attempts, failures, expires_at FROM outbox WHERE state = 0 AND next_attempt <= ?"
                + " ORDER BY id LIMIT ?")) {
            q.setLong(1, now);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new Queued(rs.getLong(1), PhoneNumber.parse(rs.getString(2)), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5), rs.getBytes(6), rs.getInt(7) == 1, rs.getInt(8) == 1, rs.getInt(9),
                            rs.getInt(10), rs.getLong(11)));
                }
            }
        }
        return out;
    }

    /** Records that the gateway accepted a row. */
    public void markSent(long id) throws SQLException {
        update("UPDATE outbox SET state = 1, attempts = attempts + 1, failures = 0 WHERE id = ?", id, -1);
    }

    /** Records a failed attempt to be retried at {@code nextAttempt}; the row stays queued. */
    public void markRetry(long id, long nextAttempt) throws SQLException {
        update("UPDATE outbox SET failures = failures + 1, next_attempt = ? WHERE id = ?", id, nextAttempt);
    }

    /** Records that the gateway will never accept a row. */
    public void markFailed(long id) throws SQLException {
        update("UPDATE outbox SET state = 2 WHERE id = ?", id, -1);
    }

    private void update(String sql, long id, long time) throws SQLException {
        try (PreparedStatement u = connection.prepareStatement(sql)) {
            int i = 1;
            if (time >= 0) {
                u.setLong(i++, time);
            }
            u.setLong(i, id);
            u.executeUpdate();
        }
    }

    /** Puts sent parts of one set back in the queue; returns how many. Parts over {@code maxAttempts} stay sent. */
    public int requeueSent(PhoneNumber peer, int reference, int total, List<Integer> indexes, long now,
            int maxAttempts) throws SQLException {
        int n = 0;
        try (PreparedStatement u = connection.prepareStatement("UPDATE outbox SET state = 0, next_attempt = ?"
                + " WHERE peer = ? AND reference = ? AND total = ? AND idx = ? AND state = 1 AND plain = 0"
                + " AND attempts < ? AND expires_at > ?")) {
            for (int index : indexes) {
                u.setLong(1, now);
                u.setString(2, peer.e164());
                u.setInt(3, reference);
                u.setInt(4, total);
                u.setInt(5, index);
                u.setInt(6, maxAttempts);
                u.setLong(7, now);
                n += u.executeUpdate();
            }
        }
        return n;
    }

    /** Returns the number of pending rows. */
    public int pendingCount() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox WHERE state = 0")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Marks pending rows past their expiry as failed and deletes rows no longer needed; returns rows expired. */
    public int expireOutbox(long now) throws SQLException {
        int expired;
        try (PreparedStatement u = connection.prepareStatement(
                "UPDATE outbox SET state = 2 WHERE state = 0 AND expires_at <= ?")) {
            u.setLong(1, now);
            expired = u.executeUpdate();
        }
        try (PreparedStatement d = connection.prepareStatement(
                "DELETE FROM outbox WHERE state <> 0 AND expires_at <= ?")) {
            d.setLong(1, now);
            d.executeUpdate();
        }
        return expired;
    }

    /**
     * Returns the spend of {@code origin} on {@code day}, or of all sending origins if origin is null (origins
     * starting with {@code in:} count received payloads and are left out of the total).
     */
    public int spent(long day, String origin) throws SQLException {
        String sql = origin == null
                ? "SELECT COALESCE(SUM(segments), 0) FROM spend WHERE day = ? AND origin NOT LIKE 'in:%'"
                : "SELECT COALESCE(SUM(segments), 0) FROM spend WHERE day = ? AND origin = ?";
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            q.setLong(1, day);
            if (origin != null) {
                q.setString(2, origin);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Adds {@code segments} to the spend of {@code origin} on {@code day}; deletes spend older than two days. */
    public void spend(long day, String origin, int segments) throws SQLException {
        try (PreparedStatement u = connection.prepareStatement("INSERT INTO spend(day, origin, segments)"
                + " VALUES (?, ?, ?) ON CONFLICT(day, origin) DO UPDATE SET segments = segments + excluded.segments")) {
            u.setLong(1, day);
            u.setString(2, Objects.requireNonNull(origin, "origin"));
            u.setInt(3, segments);
            u.executeUpdate();
        }
        try (PreparedStatement d = connection.prepareStatement("DELETE FROM spend WHERE day < ?")) {
            d.setLong(1, day - 2);
            d.executeUpdate();
        }
    }

    /** Returns the forwarding cursor named {@code name} (a carried-envelope position), 0 if never set. */
    public long cursor(String name) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT seq FROM cursors WHERE name = ?")) {
            q.setString(1, Objects.requireNonNull(name, "name"));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Sets the forwarding cursor {@code name} to {@code seq}. Part of the caller's transaction. */
    public void setCursor(String name, long seq) throws SQLException {
        try (PreparedStatement u = connection.prepareStatement(
                "INSERT INTO cursors(name, seq) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET seq = excluded.seq")) {
            u.setString(1, Objects.requireNonNull(name, "name"));
            u.setLong(2, seq);
            u.executeUpdate();
        }
    }

    /** Records that the payload with {@code digest} arrived from {@code peer}, kept until {@code expiresAt}. */
    public void recordArrival(byte[] digest, PhoneNumber peer, long expiresAt) throws SQLException {
        try (PreparedStatement i = connection.prepareStatement(
                "INSERT OR IGNORE INTO arrivals(digest, peer, expires_at) VALUES (?, ?, ?)")) {
            i.setBytes(1, digest);
            i.setString(2, peer.e164());
            i.setLong(3, expiresAt);
            i.executeUpdate();
        }
    }

    /** Returns true if the payload with {@code digest} arrived from {@code peer} (and has not expired since). */
    public boolean arrivedFrom(byte[] digest, PhoneNumber peer) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT 1 FROM arrivals WHERE digest = ? AND peer = ?")) {
            q.setBytes(1, digest);
            q.setString(2, peer.e164());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Deletes arrival records of payloads that expired. */
    public void purgeArrivals(long now) throws SQLException {
        try (PreparedStatement d = connection.prepareStatement("DELETE FROM arrivals WHERE expires_at <= ?")) {
            d.setLong(1, now);
            d.executeUpdate();
        }
    }

    /** Returns the receive-side part store of this database. */
    public ReceivedParts parts() {
        return new ReceivedParts(connection);
    }

    /** Commits the current transaction. */
    public void commit() throws SQLException {
        connection.commit();
    }

    /** Rolls the current transaction back. */
    public void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is unusable; the next call reports it
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

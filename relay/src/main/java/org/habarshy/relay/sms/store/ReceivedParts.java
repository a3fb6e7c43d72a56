package org.habarshy.relay.sms.store;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.habarshy.relay.sms.gateway.PhoneNumber;

/**
 * Receive side of the SMS store: parts of concatenated sets until they are complete, and digests of delivered
 * payloads for duplicate suppression. Runs inside the transactions of {@link SmsStore}.
 */
public final class ReceivedParts {
    private final Connection connection;

    ReceivedParts(Connection connection) {
        this.connection = connection;
    }

    /**
     * A set that is still missing parts.
     *
     * @param lastPart when the latest of its parts arrived (millis), so a set still arriving is not "stalled"
     */
    public record IncompleteSet(PhoneNumber peer, int reference, int total, long firstSeen, long lastRequest,
            int requests, List<Integer> missing, long lastPart) {
    }

    /** Stores a part; returns false if it was already held (a duplicate). */
    public boolean add(PhoneNumber peer, int reference, int total, int index, byte[] payload, long now)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT OR IGNORE INTO part_sets(peer, reference,"
                + " total, first_seen, last_request) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, peer.e164());
            s.setInt(2, reference);
            s.setInt(3, total);
            s.setLong(4, now);
            s.setLong(5, now);
            s.executeUpdate();
        }
        try (PreparedStatement i = connection.prepareStatement("INSERT OR IGNORE INTO parts(peer, reference, total,"
                + " idx, payload, first_seen) VALUES (?, ?, ?, ?, ?, ?)")) {
            i.setString(1, peer.e164());
            i.setInt(2, reference);
            i.setInt(3, total);
            i.setInt(4, index);
            i.setBytes(5, payload);
            i.setLong(6, now);
            return i.executeUpdate() == 1;
        }
    }

    /** Returns the whole payload and forgets the set if every part is held, else empty. */
    public Optional<byte[]> takeIfComplete(PhoneNumber peer, int reference, int total) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 0;
        try (PreparedStatement q = connection.prepareStatement("SELECT payload FROM parts WHERE peer = ?"
                + " AND reference = ? AND total = ? ORDER BY idx")) {
            bind(q, peer, reference, total);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.writeBytes(rs.getBytes(1));
                    count++;
                }
            }
        }
        if (count < total) {
            return Optional.empty();
        }
        forget(peer, reference, total);
        return Optional.of(out.toByteArray());
    }

    /** Returns the number of incomplete sets held from {@code peer}. */
    public int openSets(PhoneNumber peer) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT COUNT(*) FROM part_sets WHERE peer = ?")) {
            q.setString(1, peer.e164());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Returns every incomplete set with its missing part indexes. */
    public List<IncompleteSet> incomplete() throws SQLException {
        List<IncompleteSet> sets = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT peer, reference, total, first_seen,"
                + " last_request, requests FROM part_sets");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                sets.add(new IncompleteSet(PhoneNumber.parse(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                        rs.getLong(4), rs.getLong(5), rs.getInt(6), List.of(), rs.getLong(4)));
            }
        }
        List<IncompleteSet> out = new ArrayList<>();
        for (IncompleteSet s : sets) {
            List<Integer> missing = new ArrayList<>();
            boolean[] held = new boolean[s.total() + 1];
            long lastPart = s.firstSeen();
            try (PreparedStatement q = connection.prepareStatement(
                    "SELECT idx, first_seen FROM parts WHERE peer = ? AND reference = ? AND total = ?")) {
                bind(q, s.peer(), s.reference(), s.total());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        held[rs.getInt(1)] = true;
                        lastPart = Math.max(lastPart, rs.getLong(2));
                    }
                }
            }
            for (int i = 1; i <= s.total(); i++) {
                if (!held[i]) {
                    missing.add(i);
                }
            }
            out.add(new IncompleteSet(s.peer(), s.reference(), s.total(), s.firstSeen(), s.lastRequest(),
                    s.requests(), List.copyOf(missing), lastPart));
        }
        return out;
    }

    /** Records that missing parts of a set were requested at {@code now}. */
    public void markRequested(PhoneNumber peer, int reference, int total, long now) throws SQLException {
        try (PreparedStatement u = connection.prepareStatement("UPDATE part_sets SET requests = requests + 1,"
                + " last_request = ? WHERE peer = ? AND reference = ? AND total = ?")) {
            u.setLong(1, now);
            u.setString(2, peer.e164());
            u.setInt(3, reference);
            u.setInt(4, total);
            u.executeUpdate();
        }
    }

    /** Drops a set and its parts. */
    public void forget(PhoneNumber peer, int reference, int total) throws SQLException {
        for (String table : List.of("parts", "part_sets")) {
            try (PreparedStatement d = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE peer = ? AND reference = ? AND total = ?")) {
                bind(d, peer, reference, total);
                d.executeUpdate();
            }
        }
    }

    /** Records a delivered payload digest until {@code expiresAt}; returns false if it was already seen. */
    public boolean markSeen(byte[] digest, long expiresAt) throws SQLException {
        try (PreparedStatement i = connection.prepareStatement(
                "INSERT OR IGNORE INTO seen(digest, expires_at) VALUES (?, ?)")) {
            i.setBytes(1, digest);
            i.setLong(2, expiresAt);
            return i.executeUpdate() == 1;
        }
    }

    /** Forgets digests whose payload has expired (an expired payload is refused anyway). */
    public void purgeSeen(long now) throws SQLException {
        try (PreparedStatement d = connection.prepareStatement("DELETE FROM seen WHERE expires_at <= ?")) {
            d.setLong(1, now);
            d.executeUpdate();
        }
    }

    private static void bind(PreparedStatement q, PhoneNumber peer, int reference, int total) throws SQLException {
        q.setString(1, peer.e164());
        q.setInt(2, reference);
        q.setInt(3, total);
    }
}

package org.habarshy.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.MessageState;

/**
 * The sealed envelopes this node keeps and relays, in local arrival order. Stateless: every method works in
 * the caller's {@link Transaction}.
 */
public final class EnvelopeStore {
    /** Largest number of ids bound in one {@code IN (...)} list. */
    static final int IN_CHUNK = 500;

    private static final String COLUMNS = "id, bytes, created_at, expires_at, hops, received_at";
    /** Rows the carry quota may delete: not waiting to be opened, not one of this user's own messages. */
    private static final String EVICTABLE = "NOT EXISTS (SELECT 1 FROM pending_open p WHERE p.id = e.id)"
            + " AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = e.id AND m.direction = 'OUTGOING')";

    /** Creates a store; it holds no state. */
    public EnvelopeStore() {
    }

    /**
     * Stores {@code e} unless an envelope with the same id is already stored; returns true iff it was new. Use it
     * for this node's own envelopes; envelopes received from a peer go through
     * {@link #insertCarried(Transaction, StoredEnvelope, String, int)}.
     */
    public boolean insert(Transaction t, StoredEnvelope e) throws StoreException {
        return insertCarried(t, e, "", 0);
    }

    /**
     * Stores {@code e}, received over the link session {@code origin}, with an eviction {@code priority}
     * (lower is evicted first), unless an envelope with the same id is already stored; returns true iff it was
     * new. The existing row of a duplicate keeps its origin, hops and priority.
     */
    public boolean insertCarried(Transaction t, StoredEnvelope e, String origin, int priority)
            throws StoreException {
        Objects.requireNonNull(e, "e");
        Objects.requireNonNull(origin, "origin");
        String sql = "INSERT INTO envelopes (" + COLUMNS + ", size, origin, priority)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
        try (PreparedStatement ps = t.connection().prepareStatement(sql)) {
            byte[] bytes = e.bytes();
            ps.setBytes(1, e.id().bytes());
            ps.setBytes(2, bytes);
            ps.setLong(3, e.createdAt());
            ps.setLong(4, e.expiresAt());
            ps.setInt(5, e.hops());
            ps.setLong(6, e.receivedAt());
            ps.setLong(7, bytes.length);
            ps.setString(8, origin);
            ps.setInt(9, priority);
            return ps.executeUpdate() == 1;
        } catch (SQLException x) {
            throw t.error(x);
        }
    }

    /**
     * Returns the bytes held per origin for envelopes received from peers ({@code hops > 0}): the usage the carry
     * quota counts. This node's own envelopes are not included.
     */
    public Map<String, Long> carriedBytesByOrigin(Transaction t) throws StoreException {
        Map<String, Long> usage = new HashMap<>();
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT origin, sum(size) FROM envelopes WHERE hops > 0 GROUP BY origin");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                usage.put(rs.getString(1), rs.getLong(2));
            }
            return usage;
        } catch (SQLException x) {
            throw t.error(x);
        }
    }

    /**
     * Returns up to {@code limit} envelopes received from peers that expired ({@code expires_at <= now}), soonest
     * expired first, leaving out those still waiting to be opened.
     */
    public List<CarriedEnvelope> expiredCarried(Transaction t, long now, int limit) throws StoreException {
        return carried(t, "SELECT id, origin, size FROM envelopes e WHERE hops > 0 AND expires_at <= ? AND "
                + EVICTABLE + " ORDER BY expires_at LIMIT ?", now, null, limit);
    }

    /**
     * Returns up to {@code limit} live envelopes that {@code origin} delivered, in eviction order: lowest priority
     * first, then most hops, then oldest. Envelopes still waiting to be opened and this user's own messages are
     * never returned.
     */
    public List<CarriedEnvelope> evictable(Transaction t, String origin, int limit) throws StoreException {
        return carried(t, "SELECT id, origin, size FROM envelopes e WHERE hops > 0 AND origin = ? AND "
                + EVICTABLE + " ORDER BY priority, hops DESC, created_at LIMIT ?", null, origin, limit);
    }

    /** Deletes the envelope with {@code id}; returns true iff one was stored. */
    public boolean delete(Transaction t, EnvelopeId id) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("DELETE FROM envelopes WHERE id = ?")) {
            ps.setBytes(1, id.bytes());
            return ps.executeUpdate() == 1;
        } catch (SQLException x) {
            throw t.error(x);
        }
    }

    private static List<CarriedEnvelope> carried(Transaction t, String sql, Long now, String origin, int limit)
            throws StoreException {
        List<CarriedEnvelope> out = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement(sql)) {
            if (now != null) {
                ps.setLong(1, now);
            } else {
                ps.setString(1, origin);
            }
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CarriedEnvelope(new EnvelopeId(rs.getBytes(1)), rs.getString(2), rs.getLong(3)));
                }
            }
            return out;
        } catch (SQLException x) {
            throw t.error(x);
        } catch (IllegalArgumentException | NullPointerException x) {
            throw t.corruptRow(x);
        }
    }

    /** Returns the envelope with {@code id}, if stored (expired or not). */
    public Optional<StoredEnvelope> find(Transaction t, EnvelopeId id) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM envelopes WHERE id = ?")) {
            ps.setBytes(1, id.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredEnvelope(new EnvelopeId(rs.getBytes(1)), rs.getBytes(2),
                        rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getLong(6)));
            }
        } catch (SQLException x) {
            throw t.error(x);
        } catch (IllegalArgumentException | NullPointerException x) {
            throw t.corruptRow(x);
        }
    }

    /** Returns whether an envelope with {@code id} is stored (expired or not). */
    public boolean contains(Transaction t, EnvelopeId id) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT 1 FROM envelopes WHERE id = ?")) {
            ps.setBytes(1, id.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException x) {
            throw t.error(x);
        }
    }

    /** Returns those of {@code ids} that are not stored, in the order given, without repeats. */
    public Set<EnvelopeId> absent(Transaction t, Collection<EnvelopeId> ids) throws StoreException {
        List<EnvelopeId> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
        Set<EnvelopeId> present = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += IN_CHUNK) {
            present.addAll(presentAmong(t, wanted.subList(from, Math.min(wanted.size(), from + IN_CHUNK))));
        }
        Set<EnvelopeId> result = new LinkedHashSet<>(wanted);
        result.removeAll(present);
        return result;
    }

    /**
     * Returns up to {@code limit} unexpired envelopes ({@code expires_at > now}) with {@code seq > afterSeq},
     * in increasing {@code seq} order.
     */
    public List<EnvelopeRef> liveAfter(Transaction t, long afterSeq, long now, int limit) throws StoreException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        List<EnvelopeRef> refs = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT seq, id FROM envelopes WHERE seq > ? AND expires_at > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setLong(2, now);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(new EnvelopeRef(rs.getLong(1), new EnvelopeId(rs.getBytes(2))));
                }
            }
            return refs;
        } catch (SQLException x) {
            throw t.error(x);
        } catch (IllegalArgumentException | NullPointerException x) {
            throw t.corruptRow(x);
        }
    }

    /** Receives one row of {@link #scanOfferable}. */
    @FunctionalInterface
    public interface OfferableSink {
        /** Takes one envelope's creation time, id (a fresh array) and hop count. */
        void accept(long createdAt, byte[] id, int hops);
    }

    /**
     * Streams every envelope with {@code expires_at > now}, {@code hops < maxHops} and a non-negative
     * {@code created_at} to {@code sink}, ordered by {@code (created_at, id)} with ids compared as unsigned
     * bytes. Reads only the {@code envelopes_reconcile} covering index (no sort, no table rows); returns the
     * number of rows streamed.
     */
    public int scanOfferable(Transaction t, long now, int maxHops, OfferableSink sink) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT created_at, id, hops FROM envelopes INDEXED BY envelopes_reconcile"
                        + " WHERE created_at >= 0 AND expires_at > ? AND hops < ? ORDER BY created_at, id")) {
            ps.setLong(1, now);
            ps.setInt(2, maxHops);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] id = rs.getBytes(2);
                    if (id == null || id.length != EnvelopeId.LENGTH) {
                        throw new IllegalArgumentException("stored id of bad length");
                    }
                    sink.accept(rs.getLong(1), id, rs.getInt(3));
                    n++;
                }
            }
            return n;
        } catch (SQLException x) {
            throw t.error(x);
        } catch (IllegalArgumentException x) {
            throw t.corruptRow(x);
        }
    }

    /** Returns size, hops and expiry of those of {@code ids} that are stored, in no particular order. */
    public List<EnvelopeSummary> summaries(Transaction t, Collection<EnvelopeId> ids) throws StoreException {
        List<EnvelopeId> wanted = new ArrayList<>(new LinkedHashSet<>(ids));
        List<EnvelopeSummary> out = new ArrayList<>(wanted.size());
        for (int from = 0; from < wanted.size(); from += IN_CHUNK) {
            List<EnvelopeId> chunk = wanted.subList(from, Math.min(wanted.size(), from + IN_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = t.connection().prepareStatement(
                    "SELECT id, length(bytes), hops, expires_at FROM envelopes WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setBytes(i + 1, chunk.get(i).bytes());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EnvelopeSummary(new EnvelopeId(rs.getBytes(1)), rs.getInt(2), rs.getInt(3),
                                rs.getLong(4)));
                    }
                }
            } catch (SQLException x) {
                throw t.error(x);
            } catch (IllegalArgumentException | NullPointerException x) {
                throw t.corruptRow(x);
            }
        }
        return out;
    }

    /** Returns the highest {@code seq} among stored envelopes, or 0 if none are stored. */
    public long maxSeq(Transaction t) throws StoreException {
        return single(t, "SELECT coalesce(max(seq), 0) FROM envelopes");
    }

    /**
     * Deletes envelopes with {@code expires_at <= now}, except those carrying one of our own outgoing messages
     * that is still {@code QUEUED}; returns how many were deleted.
     */
    public int deleteExpired(Transaction t, long now) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("DELETE FROM envelopes WHERE expires_at <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = envelopes.id"
                + " AND m.direction = ? AND m.state = ?)")) {
            ps.setLong(1, now);
            ps.setString(2, Direction.OUTGOING.name());
            ps.setString(3, MessageState.QUEUED.name());
            return ps.executeUpdate();
        } catch (SQLException x) {
            throw t.error(x);
        }
    }

    /**
     * Returns counts and sizes of stored envelopes. Carried ones came from a peer and hold no message of this
     * user (receipts addressed to this user are counted as carried: they are not kept as messages).
     */
    public EnvelopeTotals totals(Transaction t) throws StoreException {
        String carried = "e.hops > 0 AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = e.id)";
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT count(*), coalesce(sum(length(bytes)), 0),"
                + " coalesce(sum(" + carried + "), 0),"
                + " coalesce(sum(CASE WHEN " + carried + " THEN length(bytes) ELSE 0 END), 0) FROM envelopes e");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new EnvelopeTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        } catch (SQLException x) {
            throw t.error(x);
        }
    }

    /** Returns how many envelopes are stored, expired or not. */
    public long count(Transaction t) throws StoreException {
        return single(t, "SELECT count(*) FROM envelopes");
    }

    private static List<EnvelopeId> presentAmong(Transaction t, List<EnvelopeId> chunk) throws StoreException {
        String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
        List<EnvelopeId> present = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT id FROM envelopes WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < chunk.size(); i++) {
                ps.setBytes(i + 1, chunk.get(i).bytes());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.add(new EnvelopeId(rs.getBytes(1)));
                }
            }
            return present;
        } catch (SQLException x) {
            throw t.error(x);
        } catch (IllegalArgumentException x) {
            throw t.corruptRow(x);
        }
    }

    private static long single(Transaction t, String sql) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException x) {
            throw t.error(x);
        }
    }
}

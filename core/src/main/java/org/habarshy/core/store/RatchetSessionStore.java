package org.habarshy.core.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * Saved forward-secret sessions per peer identity key, as opaque serialised states; at most one per peer is
 * active (used for sending). With a {@link FieldCipher}, states are sealed (context
 * {@code "ratchet_sessions.state" || 0x00 || peer || session id}); a state that does not open is returned as an
 * empty array, which no session restores from. Stateless apart from the cipher: every method works in the
 * caller's {@link Transaction}.
 */
public final class RatchetSessionStore {
    private static final byte[] CONTEXT = "ratchet_sessions.state\0".getBytes(StandardCharsets.UTF_8);

    private final FieldCipher cipher;

    /** A saved session: its id and serialised state. */
    public record SavedSession(byte[] sessionId, byte[] state) {
        /** Checks neither is null. */
        public SavedSession {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(state, "state");
        }
    }

    /** Creates a store that keeps states in clear (tests). */
    public RatchetSessionStore() {
        this(null);
    }

    /** Creates a store that seals states with {@code cipher}, or keeps them in clear if null. */
    public RatchetSessionStore(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** Returns the peer's active session, if any. */
    public Optional<SavedSession> active(Transaction t, IdentityKey peer) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT session_id, state FROM ratchet_sessions WHERE peer = ? AND active = 1")) {
            ps.setBytes(1, peer.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] sessionId = rs.getBytes(1);
                return Optional.of(new SavedSession(sessionId, open(peer, sessionId, rs.getBytes(2))));
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the state of the peer's session {@code sessionId}, if saved. */
    public Optional<byte[]> find(Transaction t, IdentityKey peer, byte[] sessionId) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT state FROM ratchet_sessions WHERE peer = ? AND session_id = ?")) {
            ps.setBytes(1, peer.bytes());
            ps.setBytes(2, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(open(peer, sessionId, rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /**
     * Saves the state of a session, inserting it if new; with {@code makeActive}, it becomes the peer's only
     * active session. A peer keeps at most {@code keep} sessions: the least recently used inactive ones go.
     */
    public void save(Transaction t, IdentityKey peer, byte[] sessionId, byte[] state, boolean makeActive, long now,
                     int keep) throws StoreException {
        try {
            if (makeActive) {
                try (PreparedStatement ps = t.connection().prepareStatement(
                        "UPDATE ratchet_sessions SET active = 0 WHERE peer = ? AND active = 1")) {
                    ps.setBytes(1, peer.bytes());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = t.connection().prepareStatement("INSERT INTO ratchet_sessions"
                    + " (peer, session_id, state, active, updated_at) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (peer, session_id) DO UPDATE SET state = excluded.state,"
                    + " updated_at = excluded.updated_at, active = max(active, excluded.active)")) {
                ps.setBytes(1, peer.bytes());
                ps.setBytes(2, sessionId);
                ps.setBytes(3, cipher == null ? state : cipher.seal(context(peer, sessionId), state));
                ps.setInt(4, makeActive ? 1 : 0);
                ps.setLong(5, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = t.connection().prepareStatement("DELETE FROM ratchet_sessions"
                    + " WHERE peer = ? AND active = 0 AND session_id NOT IN (SELECT session_id FROM ratchet_sessions"
                    + " WHERE peer = ? ORDER BY active DESC, updated_at DESC, session_id LIMIT ?)")) {
                ps.setBytes(1, peer.bytes());
                ps.setBytes(2, peer.bytes());
                ps.setInt(3, keep);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    private byte[] open(IdentityKey peer, byte[] sessionId, byte[] stored) {
        if (cipher == null) {
            return stored;
        }
        try {
            return cipher.open(context(peer, sessionId), stored);
        } catch (GeneralSecurityException e) {
            return new byte[0];
        }
    }

    private static byte[] context(IdentityKey peer, byte[] sessionId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(CONTEXT);
        out.writeBytes(peer.bytes());
        out.writeBytes(sessionId);
        return out.toByteArray();
    }

    /** Deletes every session with {@code peer}; returns how many. */
    public int deletePeer(Transaction t, IdentityKey peer) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("DELETE FROM ratchet_sessions WHERE peer = ?")) {
            ps.setBytes(1, peer.bytes());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns how many sessions are saved with {@code peer}. */
    public int count(Transaction t, IdentityKey peer) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT count(*) FROM ratchet_sessions WHERE peer = ?")) {
            ps.setBytes(1, peer.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }
}

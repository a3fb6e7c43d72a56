package org.habarshy.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * Received envelopes that have not yet been trial-opened. An id is added in the same transaction
 * that stores the envelope and removed once opening finished, so a node killed in between opens it
 * again at the next start and no message addressed to the user is lost. Stateless.
 */
public final class PendingOpenStore {
    /** Creates a store; it holds no state. */
    public PendingOpenStore() {
    }

    /** Marks a stored envelope as still to be opened. */
    public void add(Transaction t, EnvelopeId id) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "INSERT INTO pending_open (id) VALUES (?) ON CONFLICT (id) DO NOTHING")) {
            ps.setBytes(1, id.bytes());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Marks an envelope as opened (or found not to be for this user). */
    public void remove(Transaction t, EnvelopeId id) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("DELETE FROM pending_open WHERE id = ?")) {
            ps.setBytes(1, id.bytes());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns up to {@code limit} envelopes still to be opened, with their bytes. */
    public List<StoredEnvelope> pending(Transaction t, int limit) throws StoreException {
        List<StoredEnvelope> out = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT e.id, e.bytes, e.created_at,"
                + " e.expires_at, e.hops, e.received_at FROM pending_open p JOIN envelopes e ON e.id = p.id"
                + " ORDER BY e.seq LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEnvelope(new EnvelopeId(rs.getBytes(1)), rs.getBytes(2), rs.getLong(3),
                            rs.getLong(4), rs.getInt(5), rs.getLong(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw t.error(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw t.corruptRow(e);
        }
    }
}

package org.habarshy.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses of peers we linked with, so the node can reconnect after a restart. Stateless: every method works
 * in the caller's {@link Transaction}.
 */
public final class PeerStore {
    /** Creates a store; it holds no state. */
    public PeerStore() {
    }

    /** Records that we linked with {@code host:port} at {@code seenAt}; an older time never replaces a newer one. */
    public void remember(Transaction t, String host, int port, long seenAt) throws StoreException {
        RememberedPeer peer = new RememberedPeer(host, port, seenAt);
        try (PreparedStatement ps = t.connection().prepareStatement(
                "INSERT INTO peers (host, port, last_seen) VALUES (?, ?, ?) ON CONFLICT (host, port)"
                        + " DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)")) {
            ps.setString(1, peer.host());
            ps.setInt(2, peer.port());
            ps.setLong(3, peer.lastSeen());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns up to {@code limit} peers seen at or after {@code since}, most recently seen first. */
    public List<RememberedPeer> recent(Transaction t, long since, int limit) throws StoreException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        List<RememberedPeer> peers = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT host, port, last_seen FROM peers"
                + " WHERE last_seen >= ? ORDER BY last_seen DESC, host, port LIMIT ?")) {
            ps.setLong(1, since);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    peers.add(new RememberedPeer(rs.getString(1), rs.getInt(2), rs.getLong(3)));
                }
            }
            return peers;
        } catch (SQLException e) {
            throw t.error(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw t.corruptRow(e);
        }
    }
}

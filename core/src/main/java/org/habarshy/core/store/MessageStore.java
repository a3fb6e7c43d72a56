package org.habarshy.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;

/**
 * The user's conversation history: messages written here and messages received, keyed by envelope id.
 * Enums are stored by their constant names. Stateless: every method works in the caller's {@link Transaction}.
 */
public final class MessageStore {
    private static final String COLUMNS = "id, direction, peer, text, sent_at, state";
    private static final String READ_COLUMNS = COLUMNS + ", carried_by";

    /** Creates a store; it holds no state. */
    public MessageStore() {
    }

    /** Stores {@code m} unless a message with the same id is already stored; returns true iff it was new. */
    public boolean insert(Transaction t, Message m, long storedAt) throws StoreException {
        Objects.requireNonNull(m, "m");
        try (PreparedStatement ps = t.connection().prepareStatement("INSERT INTO messages (" + COLUMNS
                + ", stored_at, ord) VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(ord), 0) + 1 FROM messages))"
                + " ON CONFLICT (id) DO NOTHING")) {
            ps.setBytes(1, m.id().bytes());
            ps.setString(2, m.direction().name());
            ps.setBytes(3, m.peer().bytes());
            ps.setString(4, m.text());
            ps.setLong(5, m.sentAt());
            ps.setString(6, m.state().name());
            ps.setLong(7, storedAt);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the message with {@code id}, if stored. */
    public Optional<Message> find(Transaction t, EnvelopeId id) throws StoreException {
        List<Message> found = query(t, "SELECT " + READ_COLUMNS + " FROM messages WHERE id = ?", id.bytes());
        return found.stream().findFirst();
    }

    /**
     * Moves the message's state to {@code s} if that is further along (in {@link MessageState} declaration
     * order) than its current state; returns true iff the state changed. Unknown ids return false.
     */
    public boolean advanceState(Transaction t, EnvelopeId id, MessageState s) throws StoreException {
        Objects.requireNonNull(s, "s");
        Optional<Message> current = find(t, id);
        if (current.isEmpty() || current.get().state().ordinal() >= s.ordinal()) {
            return false;
        }
        try (PreparedStatement ps = t.connection().prepareStatement("UPDATE messages SET state = ? WHERE id = ?")) {
            ps.setString(1, s.name());
            ps.setBytes(2, id.bytes());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /**
     * Counts one more link session that took a copy of, or showed it holds, each of the user's outgoing messages
     * among {@code ids}, and moves those still {@code QUEUED} to {@code SENT_TO_PEER}. Other ids are ignored.
     * Returns how many messages were updated.
     */
    public int addCarrier(Transaction t, Collection<EnvelopeId> ids) throws StoreException {
        List<EnvelopeId> all = new ArrayList<>(new LinkedHashSet<>(ids));
        int updated = 0;
        for (int from = 0; from < all.size(); from += EnvelopeStore.IN_CHUNK) {
            List<EnvelopeId> chunk = all.subList(from, Math.min(all.size(), from + EnvelopeStore.IN_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = t.connection().prepareStatement("UPDATE messages SET carried_by = carried_by + 1,"
                    + " state = CASE WHEN state = ? THEN ? ELSE state END"
                    + " WHERE direction = ? AND id IN (" + marks + ")")) {
                ps.setString(1, MessageState.QUEUED.name());
                ps.setString(2, MessageState.SENT_TO_PEER.name());
                ps.setString(3, Direction.OUTGOING.name());
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setBytes(i + 4, chunk.get(i).bytes());
                }
                updated += ps.executeUpdate();
            } catch (SQLException e) {
                throw t.error(e);
            }
        }
        return updated;
    }

    /**
     * Returns all messages, or only those exchanged with {@code peer} if given, ordered by the author's send
     * time and then by the order they were stored here.
     */
    public List<Message> list(Transaction t, Optional<IdentityKey> peer) throws StoreException {
        if (peer.isPresent()) {
            return query(t, "SELECT " + READ_COLUMNS + " FROM messages WHERE peer = ? ORDER BY sent_at, ord",
                    peer.get().bytes());
        }
        return query(t, "SELECT " + READ_COLUMNS + " FROM messages ORDER BY sent_at, ord", null);
    }

    private static List<Message> query(Transaction t, String sql, byte[] key) throws StoreException {
        List<Message> messages = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement(sql)) {
            if (key != null) {
                ps.setBytes(1, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    messages.add(new Message(new EnvelopeId(rs.getBytes(1)), Direction.valueOf(rs.getString(2)),
                            new IdentityKey(rs.getBytes(3)), rs.getString(4), rs.getLong(5),
                            MessageState.valueOf(rs.getString(6)), rs.getInt(7)));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw t.error(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw t.corruptRow(e);
        }
    }
}

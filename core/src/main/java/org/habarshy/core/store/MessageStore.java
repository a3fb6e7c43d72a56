package org.habarshy.core.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Enums are stored by their constant names. With a {@link FieldCipher}, the text is stored sealed in
 * {@code body} (context {@code "messages.text" || 0x00 || id}) and {@code text} is empty. Messages past their
 * {@code expires_at} (disappearing messages) are never returned and are deleted by {@link #deleteExpired}.
 * Stateless apart from the cipher: every method works in the caller's {@link Transaction}.
 */
public final class MessageStore {
    private static final String COLUMNS = "id, direction, peer, text, sent_at, state, body";
    private static final String READ_COLUMNS = COLUMNS + ", carried_by";
    private static final byte[] CONTEXT = "messages.text\0".getBytes(StandardCharsets.UTF_8);

    private final FieldCipher cipher;

    /** Creates a store that keeps text in clear (tests, and databases without an identity). */
    public MessageStore() {
        this(null);
    }

    /** Creates a store that seals text with {@code cipher}, or keeps it in clear if null. */
    public MessageStore(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** Stores {@code m} unless a message with the same id is already stored; returns true iff it was new. */
    public boolean insert(Transaction t, Message m, long storedAt) throws StoreException {
        return insert(t, m, storedAt, 0);
    }

    /**
     * Stores {@code m} unless a message with the same id is already stored, to be deleted at {@code expiresAt}
     * (Unix ms; 0 or less: kept); returns true iff it was new.
     */
    public boolean insert(Transaction t, Message m, long storedAt, long expiresAt) throws StoreException {
        Objects.requireNonNull(m, "m");
        try (PreparedStatement ps = t.connection().prepareStatement("INSERT INTO messages (" + COLUMNS
                + ", stored_at, expires_at, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " (SELECT coalesce(max(ord), 0) + 1 FROM messages)) ON CONFLICT (id) DO NOTHING")) {
            ps.setBytes(1, m.id().bytes());
            ps.setString(2, m.direction().name());
            ps.setBytes(3, m.peer().bytes());
            ps.setString(4, cipher == null ? m.text() : "");
            ps.setLong(5, m.sentAt());
            ps.setString(6, m.state().name());
            ps.setBytes(7, cipher == null ? null : seal(m.id().bytes(), m.text()));
            ps.setLong(8, storedAt);
            if (expiresAt > 0) {
                ps.setLong(9, expiresAt);
            } else {
                ps.setNull(9, Types.INTEGER);
            }
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Deletes every message whose {@code expires_at} is at or before {@code now}; returns how many. */
    public int deleteExpired(Transaction t, long now) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "DELETE FROM messages WHERE expires_at IS NOT NULL AND expires_at <= ?")) {
            ps.setLong(1, now);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /**
     * Seals the text of up to {@code limit} messages stored in clear (by an older version) and clears it; returns
     * how many. Does nothing without a cipher.
     */
    public int sealClearText(Transaction t, int limit) throws StoreException {
        if (cipher == null) {
            return 0;
        }
        int sealed = 0;
        try (PreparedStatement select = t.connection().prepareStatement(
                "SELECT id, text FROM messages WHERE body IS NULL LIMIT ?");
             PreparedStatement update = t.connection().prepareStatement(
                     "UPDATE messages SET body = ?, text = '' WHERE id = ?")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byte[] id = rs.getBytes(1);
                    update.setBytes(1, seal(id, rs.getString(2)));
                    update.setBytes(2, id);
                    update.executeUpdate();
                    sealed++;
                }
            }
            return sealed;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    private byte[] seal(byte[] id, String text) {
        return cipher.seal(context(id), text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] context(byte[] id) {
        byte[] context = Arrays.copyOf(CONTEXT, CONTEXT.length + id.length);
        System.arraycopy(id, 0, context, CONTEXT.length, id.length);
        return context;
    }

    private String text(Transaction t, byte[] id, String clear, byte[] body) throws StoreException {
        if (body == null) {
            return clear;
        }
        if (cipher == null) {
            throw t.corruptRow(new IllegalStateException("sealed message text but no key to open it"));
        }
        try {
            return new String(cipher.open(context(id), body), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw t.corruptRow(new IllegalStateException("a message's sealed text does not open", e));
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
        return list(t, peer, Long.MIN_VALUE);
    }

    /** Returns the ids of incoming messages from {@code peer} not yet marked read, oldest first. */
    public List<EnvelopeId> unreadFrom(Transaction t, IdentityKey peer) throws StoreException {
        List<EnvelopeId> ids = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT id FROM messages WHERE peer = ?"
                + " AND direction = ? AND state = ? ORDER BY sent_at, ord")) {
            ps.setBytes(1, peer.bytes());
            ps.setString(2, Direction.INCOMING.name());
            ps.setString(3, MessageState.DELIVERED.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(new EnvelopeId(rs.getBytes(1)));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw t.error(e);
        } catch (IllegalArgumentException e) {
            throw t.corruptRow(e);
        }
    }

    /** Like {@link #list(Transaction, Optional)}, leaving out disappearing messages expired at {@code now}. */
    public List<Message> list(Transaction t, Optional<IdentityKey> peer, long now) throws StoreException {
        String live = " (expires_at IS NULL OR expires_at > " + now + ")";
        if (peer.isPresent()) {
            return query(t, "SELECT " + READ_COLUMNS + " FROM messages WHERE peer = ? AND" + live
                    + " ORDER BY sent_at, ord", peer.get().bytes());
        }
        return query(t, "SELECT " + READ_COLUMNS + " FROM messages WHERE" + live + " ORDER BY sent_at, ord", null);
    }

    private List<Message> query(Transaction t, String sql, byte[] key) throws StoreException {
        List<Message> messages = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement(sql)) {
            if (key != null) {
                ps.setBytes(1, key);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    messages.add(new Message(new EnvelopeId(rs.getBytes(1)), Direction.valueOf(rs.getString(2)),
                            new IdentityKey(rs.getBytes(3)), text(t, rs.getBytes(1), rs.getString(4), rs.getBytes(7)),
                            rs.getLong(5), MessageState.valueOf(rs.getString(6)), rs.getInt(8)));
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

package org.habarshy.core.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.group.GroupId;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * Private groups on disk (schema 7): one row per group with its current epoch and head, the signed membership
 * changes, sender chains (sealed, context {@code "group_sender_keys.state" || 0x00 || group id || epoch (4) ||
 * sender}), group messages (text sealed, context {@code "group_messages.body" || 0x00 || envelope id}) and the ids of
 * group message envelopes that wait for a sender key. Stateless apart from the cipher; every method works in the
 * caller's {@link Transaction}.
 */
public final class GroupStore {
    /** Most group envelopes kept waiting for a sender key. */
    public static final int MAX_UNMATCHED = 10_000;
    private static final byte[] KEY_CONTEXT = "group_sender_keys.state\0".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY_CONTEXT = "group_messages.body\0".getBytes(StandardCharsets.UTF_8);

    private final FieldCipher cipher;

    /** A group's row. */
    public record GroupRow(GroupId id, String name, long epoch, byte[] head, boolean member) {
    }

    /** A stored signed change. */
    public record ChangeRow(long epoch, byte[] change, byte[] signature) {
    }

    /** A stored sender chain; {@code state} is empty if it does not open. */
    public record SenderKeyRow(GroupId group, long epoch, IdentityKey sender, byte[] state) {
    }

    /** A stored group message. */
    public record MessageRow(EnvelopeId id, GroupId group, IdentityKey sender, Direction direction, long sentAt,
                             String text) {
    }

    /** Creates a store that seals with {@code cipher}, which must not be null. */
    public GroupStore(FieldCipher cipher) {
        this.cipher = java.util.Objects.requireNonNull(cipher, "cipher");
    }

    /** Stores a new group; returns false if it is known already. */
    public boolean insertGroup(Transaction t, GroupId id, String name, long epoch, byte[] head, long now)
            throws StoreException {
        return update(t, "INSERT INTO groups (id, name, epoch, head, member, joined_at) VALUES (?, ?, ?, ?, 1, ?)"
                + " ON CONFLICT (id) DO NOTHING", id.bytes(), name, epoch, head, now) == 1;
    }

    /** Sets a group's epoch, head and whether this user is a member. */
    public void updateGroup(Transaction t, GroupId id, long epoch, byte[] head, boolean member)
            throws StoreException {
        update(t, "UPDATE groups SET epoch = ?, head = ?, member = ? WHERE id = ?", epoch, head, member ? 1 : 0,
                id.bytes());
    }

    /** Returns the group, if known. */
    public Optional<GroupRow> find(Transaction t, GroupId id) throws StoreException {
        List<GroupRow> rows = groups(t, "SELECT id, name, epoch, head, member FROM groups WHERE id = ?", id.bytes());
        return rows.stream().findFirst();
    }

    /** Returns every group, oldest joined first. */
    public List<GroupRow> all(Transaction t) throws StoreException {
        return groups(t, "SELECT id, name, epoch, head, member FROM groups ORDER BY joined_at, id");
    }

    /** Stores a signed change at its epoch; returns false if one is stored there already. */
    public boolean addChange(Transaction t, GroupId id, long epoch, byte[] change, byte[] signature)
            throws StoreException {
        return update(t, "INSERT INTO group_changes (group_id, epoch, change, signature) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", id.bytes(), epoch, change, signature) == 1;
    }

    /** Returns the group's changes, creation first. */
    public List<ChangeRow> changes(Transaction t, GroupId id) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT epoch, change, signature FROM group_changes WHERE group_id = ? ORDER BY epoch")) {
            ps.setBytes(1, id.bytes());
            List<ChangeRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChangeRow(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /**
     * Keeps a change that arrived before the changes it follows, unless one is kept for that epoch or the group
     * already has {@code max} waiting; returns true if kept.
     */
    public boolean addPendingChange(Transaction t, GroupId id, long epoch, byte[] change, byte[] signature, int max)
            throws StoreException {
        if (count(t, "SELECT count(*) FROM group_pending_changes WHERE group_id = ?", id.bytes()) >= max) {
            return false;
        }
        return update(t, "INSERT INTO group_pending_changes (group_id, epoch, change, signature) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", id.bytes(), epoch, change, signature) == 1;
    }

    /** Removes and returns the waiting change of the group at {@code epoch}, if any; drops those below it. */
    public Optional<ChangeRow> takePendingChange(Transaction t, GroupId id, long epoch) throws StoreException {
        update(t, "DELETE FROM group_pending_changes WHERE group_id = ? AND epoch < ?", id.bytes(), epoch);
        Optional<ChangeRow> found;
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT epoch, change, signature FROM group_pending_changes WHERE group_id = ? AND epoch = ?")) {
            ps.setBytes(1, id.bytes());
            ps.setLong(2, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                found = rs.next() ? Optional.of(new ChangeRow(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
        if (found.isPresent()) {
            update(t, "DELETE FROM group_pending_changes WHERE group_id = ? AND epoch = ?", id.bytes(), epoch);
        }
        return found;
    }

    /** Stores a sender chain unless one is stored for (group, epoch, sender); returns true if stored. */
    public boolean addSenderKey(Transaction t, GroupId group, long epoch, IdentityKey sender, byte[] tag,
                                byte[] state, long now) throws StoreException {
        return update(t, "INSERT INTO group_sender_keys (group_id, epoch, sender, tag, state, stored_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", group.bytes(), epoch, sender.bytes(), tag,
                cipher.seal(keyContext(group, epoch, sender), state), now) == 1;
    }

    /** Replaces the state of a stored sender chain. */
    public void saveSenderKey(Transaction t, GroupId group, long epoch, IdentityKey sender, byte[] state)
            throws StoreException {
        update(t, "UPDATE group_sender_keys SET state = ? WHERE group_id = ? AND epoch = ? AND sender = ?",
                cipher.seal(keyContext(group, epoch, sender), state), group.bytes(), epoch, sender.bytes());
    }

    /** Returns the state of a sender chain, if stored. */
    public Optional<byte[]> senderKey(Transaction t, GroupId group, long epoch, IdentityKey sender)
            throws StoreException {
        List<SenderKeyRow> rows = senderKeys(t, "SELECT group_id, epoch, sender, state FROM group_sender_keys"
                + " WHERE group_id = ? AND epoch = ? AND sender = ?", group.bytes(), epoch, sender.bytes());
        return rows.stream().findFirst().map(SenderKeyRow::state);
    }

    /** Returns the sender chains whose tag is {@code tag}. */
    public List<SenderKeyRow> senderKeysByTag(Transaction t, byte[] tag) throws StoreException {
        return senderKeys(t, "SELECT group_id, epoch, sender, state FROM group_sender_keys WHERE tag = ?", tag);
    }

    /** Returns how many sender chains from {@code sender} belong to groups this user does not know. */
    public int orphanSenderKeys(Transaction t, IdentityKey sender) throws StoreException {
        return count(t, "SELECT count(*) FROM group_sender_keys k WHERE sender = ?"
                + " AND NOT EXISTS (SELECT 1 FROM groups g WHERE g.id = k.group_id)", sender.bytes());
    }

    /** Returns how many sender chains from {@code sender} are stored for the group at epochs after {@code epoch}. */
    public int senderKeysAfter(Transaction t, GroupId group, IdentityKey sender, long epoch) throws StoreException {
        return count(t, "SELECT count(*) FROM group_sender_keys WHERE group_id = ? AND sender = ? AND epoch > ?",
                group.bytes(), sender.bytes(), epoch);
    }

    /** Stores a group message unless stored already; returns true if new. */
    public boolean insertMessage(Transaction t, MessageRow m, long now) throws StoreException {
        return update(t, "INSERT INTO group_messages (id, group_id, sender, direction, sent_at, stored_at, body, ord)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(ord), 0) + 1 FROM group_messages))"
                + " ON CONFLICT (id) DO NOTHING", m.id().bytes(), m.group().bytes(), m.sender().bytes(),
                m.direction().name(), m.sentAt(), now,
                cipher.seal(bodyContext(m.id()), m.text().getBytes(StandardCharsets.UTF_8))) == 1;
    }

    /** Returns the messages of a group, oldest stored first. */
    public List<MessageRow> messages(Transaction t, GroupId group) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT id, sender, direction, sent_at, body"
                + " FROM group_messages WHERE group_id = ? ORDER BY ord")) {
            ps.setBytes(1, group.bytes());
            List<MessageRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    EnvelopeId id = new EnvelopeId(rs.getBytes(1));
                    String text;
                    try {
                        text = new String(cipher.open(bodyContext(id), rs.getBytes(5)), StandardCharsets.UTF_8);
                    } catch (GeneralSecurityException e) {
                        throw t.corruptRow(new IllegalStateException("a group message's sealed text does not open",
                                e));
                    }
                    out.add(new MessageRow(id, group, new IdentityKey(rs.getBytes(2)),
                            Direction.valueOf(rs.getString(3)), rs.getLong(4), text));
                }
            }
            return out;
        } catch (SQLException e) {
            throw t.error(e);
        } catch (IllegalArgumentException e) {
            throw t.corruptRow(e);
        }
    }

    /**
     * Remembers a group envelope that no known sender key opens yet, until it expires; the oldest waiting are
     * dropped beyond {@link #MAX_UNMATCHED}.
     */
    public void addUnmatched(Transaction t, EnvelopeId id, byte[] tag, long expiresAt, long now)
            throws StoreException {
        update(t, "DELETE FROM group_unmatched WHERE expires_at <= ?", now);
        update(t, "INSERT INTO group_unmatched (envelope_id, tag, expires_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", id.bytes(), tag, expiresAt);
        update(t, "DELETE FROM group_unmatched WHERE envelope_id IN (SELECT envelope_id FROM group_unmatched"
                + " ORDER BY expires_at DESC LIMIT -1 OFFSET ?)", (long) MAX_UNMATCHED);
    }

    /** Returns the waiting envelopes whose tag belongs to a stored sender chain. */
    public List<EnvelopeId> unmatchedWithKnownTag(Transaction t) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT u.envelope_id FROM group_unmatched u"
                + " WHERE EXISTS (SELECT 1 FROM group_sender_keys k WHERE k.tag = u.tag) LIMIT 1000")) {
            List<EnvelopeId> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EnvelopeId(rs.getBytes(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Forgets a waiting envelope. */
    public void removeUnmatched(Transaction t, EnvelopeId id) throws StoreException {
        update(t, "DELETE FROM group_unmatched WHERE envelope_id = ?", id.bytes());
    }

    private static byte[] keyContext(GroupId group, long epoch, IdentityKey sender) {
        return ByteBuffer.allocate(KEY_CONTEXT.length + 32 + 4 + 32).put(KEY_CONTEXT).put(group.bytes())
                .putInt((int) epoch).put(sender.bytes()).array();
    }

    private static byte[] bodyContext(EnvelopeId id) {
        return ByteBuffer.allocate(BODY_CONTEXT.length + 32).put(BODY_CONTEXT).put(id.bytes()).array();
    }

    private List<SenderKeyRow> senderKeys(Transaction t, String sql, Object... args) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(sql)) {
            bind(ps, args);
            List<SenderKeyRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    GroupId group = new GroupId(rs.getBytes(1));
                    long epoch = rs.getLong(2);
                    IdentityKey sender = new IdentityKey(rs.getBytes(3));
                    byte[] state;
                    try {
                        state = cipher.open(keyContext(group, epoch, sender), rs.getBytes(4));
                    } catch (GeneralSecurityException e) {
                        state = new byte[0];
                    }
                    out.add(new SenderKeyRow(group, epoch, sender, state));
                }
            }
            return out;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    private static List<GroupRow> groups(Transaction t, String sql, Object... args) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(sql)) {
            bind(ps, args);
            List<GroupRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GroupRow(new GroupId(rs.getBytes(1)), rs.getString(2), rs.getLong(3), rs.getBytes(4),
                            rs.getInt(5) == 1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw t.error(e);
        } catch (IllegalArgumentException e) {
            throw t.corruptRow(e);
        }
    }

    private static int count(Transaction t, String sql, Object... args) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    private static int update(Transaction t, String sql, Object... args) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof byte[] b) {
                ps.setBytes(i + 1, b);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }
}

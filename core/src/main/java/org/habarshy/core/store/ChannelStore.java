package org.habarshy.core.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * Broadcast channels this account follows and their verified posts (schema 8). The subscriber secret, the posting
 * key and post texts are sealed with the {@link FieldCipher} (contexts {@code "channels.secret" || 0x00 || key},
 * {@code "channels.posting_key" || 0x00 || key}, {@code "channel_posts.text" || 0x00 || envelope id}). Stateless
 * apart from the cipher: every method works in the caller's {@link Transaction}.
 */
public final class ChannelStore {
    private static final String CHANNEL_COLUMNS = "channel_key, name, private, secret, posting_key, added_at";
    private static final String POST_COLUMNS =
            "id, channel_key, seq, severity, created_at, expires_at, body, received_at, read";
    private static final byte[] SECRET = "channels.secret\0".getBytes(StandardCharsets.UTF_8);
    private static final byte[] POSTING_KEY = "channels.posting_key\0".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TEXT = "channel_posts.text\0".getBytes(StandardCharsets.UTF_8);
    /** Byte prefix of every channel post envelope: version 1, kind 3. */
    private static final byte[] POST_PREFIX = {0x01, 0x03};

    private final FieldCipher cipher;

    /** Creates a store that seals secrets and texts with {@code cipher}. */
    public ChannelStore(FieldCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** What {@link #insertPost} did with a post. */
    public enum PostInsert {
        /** Stored. */
        ADDED,
        /** This very envelope was stored before. */
        DUPLICATE,
        /** Another envelope of the channel already holds this sequence number: a replay; nothing stored. */
        SEQUENCE_TAKEN
    }

    /** Stores {@code channel}; returns false (and changes nothing) if its key or its name is already used. */
    public boolean insert(Transaction t, StoredChannel channel) throws StoreException {
        Objects.requireNonNull(channel, "channel");
        byte[] key = channel.key();
        try (PreparedStatement ps = t.connection().prepareStatement("INSERT INTO channels (" + CHANNEL_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setBytes(1, key);
            ps.setString(2, channel.name());
            ps.setInt(3, channel.isPrivate() ? 1 : 0);
            ps.setBytes(4, channel.secret().map(s -> cipher.seal(context(SECRET, key), s)).orElse(null));
            ps.setBytes(5, channel.postingSeed().map(s -> cipher.seal(context(POSTING_KEY, key), s)).orElse(null));
            ps.setLong(6, channel.addedAt());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Stores the posting key of the channel {@code key}; returns false if there is no such channel. */
    public boolean setPostingSeed(Transaction t, byte[] key, byte[] seed) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "UPDATE channels SET posting_key = ? WHERE channel_key = ?")) {
            ps.setBytes(1, cipher.seal(context(POSTING_KEY, key), seed));
            ps.setBytes(2, key);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns every channel, by name. */
    public List<StoredChannel> all(Transaction t) throws StoreException {
        return channels(t, "SELECT " + CHANNEL_COLUMNS + " FROM channels ORDER BY name", null);
    }

    /** Returns the channel named {@code name}, if any. */
    public Optional<StoredChannel> byName(Transaction t, String name) throws StoreException {
        return channels(t, "SELECT " + CHANNEL_COLUMNS + " FROM channels WHERE name = ?", name).stream()
                .findFirst();
    }

    /** Returns the channel whose public key is {@code key}, if any. */
    public Optional<StoredChannel> byKey(Transaction t, byte[] key) throws StoreException {
        return channels(t, "SELECT " + CHANNEL_COLUMNS + " FROM channels WHERE channel_key = ?", key).stream()
                .findFirst();
    }

    /** Deletes the channel named {@code name} and its posts; returns false if there was none. */
    public boolean delete(Transaction t, String name) throws StoreException {
        try (PreparedStatement posts = t.connection().prepareStatement(
                "DELETE FROM channel_posts WHERE channel_key IN (SELECT channel_key FROM channels WHERE name = ?)");
             PreparedStatement channel = t.connection().prepareStatement("DELETE FROM channels WHERE name = ?")) {
            posts.setString(1, name);
            posts.executeUpdate();
            channel.setString(1, name);
            return channel.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Stores a verified post unless it is a duplicate or its sequence number is taken; says which. */
    public PostInsert insertPost(Transaction t, StoredChannelPost post) throws StoreException {
        Objects.requireNonNull(post, "post");
        try (PreparedStatement same = t.connection().prepareStatement(
                "SELECT id FROM channel_posts WHERE id = ? OR (channel_key = ? AND seq = ?)")) {
            same.setBytes(1, post.id().bytes());
            same.setBytes(2, post.channelKey());
            same.setLong(3, post.sequence());
            try (ResultSet rs = same.executeQuery()) {
                if (rs.next()) {
                    return Arrays.equals(rs.getBytes(1), post.id().bytes()) ? PostInsert.DUPLICATE
                            : PostInsert.SEQUENCE_TAKEN;
                }
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
        try (PreparedStatement ps = t.connection().prepareStatement("INSERT INTO channel_posts (" + POST_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            byte[] id = post.id().bytes();
            ps.setBytes(1, id);
            ps.setBytes(2, post.channelKey());
            ps.setLong(3, post.sequence());
            ps.setInt(4, post.severity());
            ps.setLong(5, post.createdAt());
            ps.setLong(6, post.expiresAt());
            ps.setBytes(7, cipher.seal(context(TEXT, id), post.text().getBytes(StandardCharsets.UTF_8)));
            ps.setLong(8, post.receivedAt());
            ps.setInt(9, post.read() ? 1 : 0);
            ps.executeUpdate();
            return PostInsert.ADDED;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the newest {@code limit} unexpired posts of the channel {@code key}, oldest first. */
    public List<StoredChannelPost> posts(Transaction t, byte[] key, long now, int limit) throws StoreException {
        List<StoredChannelPost> out = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT " + POST_COLUMNS + " FROM channel_posts"
                + " WHERE channel_key = ? AND expires_at > ? ORDER BY created_at DESC, seq DESC LIMIT ?")) {
            ps.setBytes(1, key);
            ps.setLong(2, now);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(post(t, rs));
                }
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** Returns how many unexpired posts of the channel {@code key} the user has not seen. */
    public int unreadCount(Transaction t, byte[] key, long now) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT count(*) FROM channel_posts"
                + " WHERE channel_key = ? AND read = 0 AND expires_at > ?")) {
            ps.setBytes(1, key);
            ps.setLong(2, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Marks every post of the channel {@code key} as seen; returns how many changed. */
    public int markRead(Transaction t, byte[] key) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "UPDATE channel_posts SET read = 1 WHERE channel_key = ? AND read = 0")) {
            ps.setBytes(1, key);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the greatest sequence number stored for the channel {@code key}, or -1. */
    public long maxSequence(Transaction t, byte[] key) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT coalesce(max(seq), -1) FROM channel_posts WHERE channel_key = ?")) {
            ps.setBytes(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns whether any stored post has {@code expires_at} at or before {@code now}. */
    public boolean hasExpiredPosts(Transaction t, long now) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM channel_posts WHERE expires_at <= ?)")) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Deletes posts whose {@code expires_at} is at or before {@code now}; returns how many. */
    public int deleteExpiredPosts(Transaction t, long now) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "DELETE FROM channel_posts WHERE expires_at <= ?")) {
            ps.setLong(1, now);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /**
     * Returns up to {@code limit} held, unexpired envelopes that claim to be channel posts (first bytes
     * {@code 01 03}) with {@code afterSeq < seq <= upToSeq}, in increasing {@code seq} order.
     */
    public List<HeldEnvelope> postEnvelopes(Transaction t, long afterSeq, long upToSeq, long now, int limit)
            throws StoreException {
        List<HeldEnvelope> out = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT seq, id, bytes FROM envelopes"
                + " WHERE seq > ? AND seq <= ? AND expires_at > ? AND substr(bytes, 1, 2) = ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setLong(2, upToSeq);
            ps.setLong(3, now);
            ps.setBytes(4, POST_PREFIX);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HeldEnvelope(rs.getLong(1), new EnvelopeId(rs.getBytes(2)), rs.getBytes(3)));
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
     * An envelope held by this node, with its position.
     *
     * @param seq its position in the envelope table
     * @param id its id
     * @param bytes its exact bytes
     */
    public record HeldEnvelope(long seq, EnvelopeId id, byte[] bytes) {
    }

    private List<StoredChannel> channels(Transaction t, String sql, Object parameter) throws StoreException {
        List<StoredChannel> out = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement(sql)) {
            if (parameter != null) {
                ps.setObject(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] key = rs.getBytes(1);
                    out.add(new StoredChannel(key, rs.getString(2), rs.getInt(3) == 1,
                            open(t, SECRET, key, rs.getBytes(4)), open(t, POSTING_KEY, key, rs.getBytes(5)),
                            rs.getLong(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw t.error(e);
        } catch (IllegalArgumentException e) {
            throw t.corruptRow(e);
        }
    }

    private StoredChannelPost post(Transaction t, ResultSet rs) throws SQLException, StoreException {
        byte[] id = rs.getBytes(1);
        byte[] text = open(t, TEXT, id, rs.getBytes(7)).orElseThrow(
                () -> t.corruptRow(new IllegalStateException("a channel post has no text")));
        try {
            return new StoredChannelPost(new EnvelopeId(id), rs.getBytes(2), rs.getLong(3), rs.getInt(4),
                    rs.getLong(5), rs.getLong(6), new String(text, StandardCharsets.UTF_8), rs.getLong(8),
                    rs.getInt(9) == 1);
        } catch (IllegalArgumentException e) {
            throw t.corruptRow(e);
        }
    }

    private Optional<byte[]> open(Transaction t, byte[] label, byte[] rowKey, byte[] sealed) throws StoreException {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher.open(context(label, rowKey), sealed));
        } catch (GeneralSecurityException e) {
            throw t.corruptRow(new IllegalStateException("a sealed channel field does not open", e));
        }
    }

    private static byte[] context(byte[] label, byte[] rowKey) {
        byte[] context = Arrays.copyOf(label, label.length + rowKey.length);
        System.arraycopy(rowKey, 0, context, label.length, rowKey.length);
        return context;
    }
}

package org.habarshy.core.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.attachment.AttachmentState;
import org.habarshy.core.api.attachment.FileId;
import org.habarshy.core.api.attachment.ReportId;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.MessageState;

/**
 * Files and reports (docs/PROTOCOL.md §13, schema version 7). File names, MIME types, report titles and texts and
 * every chunk are sealed with the {@link FieldCipher} before they reach the file, each under a context naming its
 * row ({@code "attachments.meta\0" || peer || file id}, {@code "attachments.chunk\0" || peer || file id || index},
 * {@code "reports.body\0" || peer || report id}), so a sealed value moved to another row does not open. Stateless
 * apart from the cipher: every method works in the caller's {@link Transaction}.
 */
public final class AttachmentStore {
    private static final String FILE_COLUMNS = "peer, file_id, direction, report_id, meta, size, chunk_count,"
            + " chunk_size, sha256, envelope_id, state, error, sent_at, stored_at";
    private static final String META = "attachments.meta\0";
    private static final String CHUNK = "attachments.chunk\0";
    private static final String REPORT = "reports.body\0";

    private final FieldCipher cipher;

    /** Creates a store that seals with {@code cipher}. */
    public AttachmentStore(FieldCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** Stores a file's manifest unless one with the same peer and id exists; returns true iff it was new. */
    public boolean insertFile(Transaction t, FileRow f) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("INSERT INTO attachments (" + FILE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (peer, file_id) DO NOTHING")) {
            ps.setBytes(1, f.peer().bytes());
            ps.setBytes(2, f.id().bytes());
            ps.setString(3, f.direction().name());
            ps.setBytes(4, f.report().map(ReportId::bytes).orElse(null));
            ps.setBytes(5, cipher.seal(context(META, f.peer().bytes(), f.id().bytes()), meta(f.name(), f.mimeType())));
            ps.setLong(6, f.size());
            ps.setInt(7, f.chunkCount());
            ps.setInt(8, f.chunkSize());
            ps.setBytes(9, f.sha256());
            ps.setBytes(10, f.envelope().map(EnvelopeId::bytes).orElse(null));
            ps.setString(11, f.state().name());
            ps.setString(12, f.error().orElse(null));
            ps.setLong(13, f.sentAt());
            ps.setLong(14, f.storedAt());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the file {@code id} exchanged with {@code peer}, if stored. */
    public Optional<FileRow> findFile(Transaction t, IdentityKey peer, FileId id) throws StoreException {
        return files(t, "WHERE peer = ? AND file_id = ?", peer.bytes(), id.bytes()).stream().findFirst();
    }

    /** Returns every file, or those exchanged with {@code peer}, oldest first. */
    public List<FileRow> listFiles(Transaction t, Optional<IdentityKey> peer) throws StoreException {
        if (peer.isPresent()) {
            return files(t, "WHERE peer = ? ORDER BY stored_at, rowid", peer.get().bytes());
        }
        return files(t, "ORDER BY stored_at, rowid");
    }

    /** Returns the files of the report {@code report} exchanged with {@code peer}. */
    public List<FileRow> reportFiles(Transaction t, IdentityKey peer, ReportId report) throws StoreException {
        return files(t, "WHERE peer = ? AND report_id = ? ORDER BY stored_at, rowid", peer.bytes(), report.bytes());
    }

    /** Sets the state (and the reason it failed, or null) of a file. */
    public void setState(Transaction t, IdentityKey peer, FileId id, AttachmentState state, String error)
            throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "UPDATE attachments SET state = ?, error = ? WHERE peer = ? AND file_id = ?")) {
            ps.setString(1, state.name());
            ps.setString(2, error);
            ps.setBytes(3, peer.bytes());
            ps.setBytes(4, id.bytes());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Stores chunk {@code index} of an incoming file unless it is already held; returns true iff it was new. */
    public boolean insertChunk(Transaction t, IdentityKey peer, FileId id, int index, int chunkCount, byte[] data)
            throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("INSERT INTO attachment_chunks (peer, file_id,"
                + " idx, chunk_count, size, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setBytes(1, peer.bytes());
            ps.setBytes(2, id.bytes());
            ps.setInt(3, index);
            ps.setInt(4, chunkCount);
            ps.setInt(5, data.length);
            ps.setBytes(6, cipher.seal(chunkContext(peer, id, index), data));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns how many chunks of the file are held. */
    public int chunksHeld(Transaction t, IdentityKey peer, FileId id) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT count(*) FROM attachment_chunks WHERE peer = ? AND file_id = ?")) {
            ps.setBytes(1, peer.bytes());
            ps.setBytes(2, id.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the sizes of the held chunks of a file by index (-1 where a chunk is missing) for {@code count}. */
    public int[] chunkSizes(Transaction t, IdentityKey peer, FileId id, int count) throws StoreException {
        int[] sizes = new int[count];
        java.util.Arrays.fill(sizes, -1);
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT idx, size FROM attachment_chunks WHERE peer = ? AND file_id = ?")) {
            ps.setBytes(1, peer.bytes());
            ps.setBytes(2, id.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int index = rs.getInt(1);
                    if (index >= 0 && index < count) {
                        sizes[index] = rs.getInt(2);
                    } else {
                        return null;
                    }
                }
            }
            return sizes;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the opened bytes of a held chunk. */
    public Optional<byte[]> chunk(Transaction t, IdentityKey peer, FileId id, int index) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT body FROM attachment_chunks WHERE peer = ? AND file_id = ? AND idx = ?")) {
            ps.setBytes(1, peer.bytes());
            ps.setBytes(2, id.bytes());
            ps.setInt(3, index);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(cipher.open(chunkContext(peer, id, index), rs.getBytes(1)));
            }
        } catch (SQLException e) {
            throw t.error(e);
        } catch (GeneralSecurityException e) {
            throw t.corruptRow(new IllegalStateException("a file chunk does not open", e));
        }
    }

    /** Deletes every chunk of a file; returns how many. */
    public int deleteChunks(Transaction t, IdentityKey peer, FileId id) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "DELETE FROM attachment_chunks WHERE peer = ? AND file_id = ?")) {
            ps.setBytes(1, peer.bytes());
            ps.setBytes(2, id.bytes());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the bytes of chunks held from {@code peer} for files not complete here (no manifest, or partial). */
    public long partialBytes(Transaction t, IdentityKey peer) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT coalesce(sum(c.size), 0)"
                + " FROM attachment_chunks c LEFT JOIN attachments a ON a.peer = c.peer AND a.file_id = c.file_id"
                + " WHERE c.peer = ? AND (a.state IS NULL OR a.state = ?)")) {
            ps.setBytes(1, peer.bytes());
            ps.setString(2, AttachmentState.PARTIAL.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Records an outgoing envelope of file or report {@code owner}: index -1 for its manifest, else a chunk. */
    public void insertPart(Transaction t, EnvelopeId envelope, IdentityKey peer, byte[] owner, int index)
            throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("INSERT INTO attachment_parts (envelope_id,"
                + " peer, owner_id, idx, state) VALUES (?, ?, ?, ?, ?)")) {
            ps.setBytes(1, envelope.bytes());
            ps.setBytes(2, peer.bytes());
            ps.setBytes(3, owner.clone());
            ps.setInt(4, index);
            ps.setString(5, MessageState.QUEUED.name());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /**
     * Moves the outgoing parts among {@code ids} addressed to {@code from} to {@code reached} where that is further
     * along; returns how many changed. Parts of another recipient are left alone.
     */
    public int acknowledge(Transaction t, IdentityKey from, Collection<EnvelopeId> ids, MessageState reached)
            throws StoreException {
        int changed = 0;
        try (PreparedStatement ps = t.connection().prepareStatement("UPDATE attachment_parts SET state = ?"
                + " WHERE envelope_id = ? AND peer = ? AND state IN (" + below(reached) + ")")) {
            for (EnvelopeId id : new LinkedHashSet<>(ids)) {
                ps.setString(1, reached.name());
                ps.setBytes(2, id.bytes());
                ps.setBytes(3, from.bytes());
                changed += ps.executeUpdate();
            }
            return changed;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Counts one more link session for each outgoing part among {@code ids}; queued ones become sent. */
    public int addCarrier(Transaction t, Collection<EnvelopeId> ids) throws StoreException {
        int changed = 0;
        try (PreparedStatement ps = t.connection().prepareStatement("UPDATE attachment_parts"
                + " SET carried_by = carried_by + 1, state = CASE WHEN state = ? THEN ? ELSE state END"
                + " WHERE envelope_id = ?")) {
            for (EnvelopeId id : new LinkedHashSet<>(ids)) {
                ps.setString(1, MessageState.QUEUED.name());
                ps.setString(2, MessageState.SENT_TO_PEER.name());
                ps.setBytes(3, id.bytes());
                changed += ps.executeUpdate();
            }
            return changed;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns how many outgoing file and report envelopes to {@code peer} are not yet delivered. */
    public int outstandingParts(Transaction t, IdentityKey peer) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT count(*) FROM attachment_parts WHERE peer = ? AND state IN (?, ?)")) {
            ps.setBytes(1, peer.bytes());
            ps.setString(2, MessageState.QUEUED.name());
            ps.setString(3, MessageState.SENT_TO_PEER.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the delivery state of the outgoing parts of file or report {@code owner} sent to {@code peer}. */
    public PartProgress progress(Transaction t, IdentityKey peer, byte[] owner) throws StoreException {
        int parts = 0;
        int sent = 0;
        int delivered = 0;
        int minCarried = Integer.MAX_VALUE;
        MessageState least = MessageState.READ;
        boolean headRead = false;
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT idx, state, carried_by FROM attachment_parts WHERE owner_id = ? AND peer = ?")) {
            ps.setBytes(1, owner.clone());
            ps.setBytes(2, peer.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MessageState state = MessageState.valueOf(rs.getString(2));
                    parts++;
                    sent += state.ordinal() >= MessageState.SENT_TO_PEER.ordinal() ? 1 : 0;
                    delivered += state.ordinal() >= MessageState.DELIVERED.ordinal() ? 1 : 0;
                    minCarried = Math.min(minCarried, rs.getInt(3));
                    if (state.ordinal() < least.ordinal()) {
                        least = state;
                    }
                    headRead |= rs.getInt(1) == -1 && state == MessageState.READ;
                }
            }
        } catch (SQLException e) {
            throw t.error(e);
        } catch (IllegalArgumentException e) {
            throw t.corruptRow(e);
        }
        return new PartProgress(parts, sent, delivered, parts == 0 ? 0 : minCarried,
                parts == 0 ? MessageState.QUEUED : least, headRead);
    }

    /** Stores a report unless one with the same peer and id exists; returns true iff it was new. */
    public boolean insertReport(Transaction t, ReportRow r) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("INSERT INTO reports (peer, report_id, direction,"
                + " body, file_count, envelope_id, sent_at, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (peer, report_id) DO NOTHING")) {
            ps.setBytes(1, r.peer().bytes());
            ps.setBytes(2, r.id().bytes());
            ps.setString(3, r.direction().name());
            ps.setBytes(4, cipher.seal(context(REPORT, r.peer().bytes(), r.id().bytes()), meta(r.title(), r.text())));
            ps.setInt(5, r.fileCount());
            ps.setBytes(6, r.envelope().bytes());
            ps.setLong(7, r.sentAt());
            ps.setLong(8, r.storedAt());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns every report, oldest first. */
    public List<ReportRow> listReports(Transaction t) throws StoreException {
        List<ReportRow> out = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT peer, report_id, direction, body,"
                + " file_count, envelope_id, sent_at, stored_at FROM reports ORDER BY stored_at, rowid");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byte[] peer = rs.getBytes(1);
                byte[] id = rs.getBytes(2);
                String[] body = unmeta(t, open(t, context(REPORT, peer, id), rs.getBytes(4)));
                out.add(new ReportRow(new IdentityKey(peer), new ReportId(id), Direction.valueOf(rs.getString(3)),
                        body[0], body[1], rs.getInt(5), new EnvelopeId(rs.getBytes(6)), rs.getLong(7),
                        rs.getLong(8)));
            }
            return out;
        } catch (SQLException e) {
            throw t.error(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw t.corruptRow(e);
        }
    }

    private List<FileRow> files(Transaction t, String where, byte[]... keys) throws StoreException {
        List<FileRow> out = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT " + FILE_COLUMNS
                + " FROM attachments " + where)) {
            for (int i = 0; i < keys.length; i++) {
                ps.setBytes(i + 1, keys[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] peer = rs.getBytes(1);
                    byte[] id = rs.getBytes(2);
                    String[] meta = unmeta(t, open(t, context(META, peer, id), rs.getBytes(5)));
                    byte[] report = rs.getBytes(4);
                    byte[] envelope = rs.getBytes(10);
                    out.add(new FileRow(new IdentityKey(peer), new FileId(id), Direction.valueOf(rs.getString(3)),
                            Optional.ofNullable(report).map(ReportId::new), meta[0], meta[1], rs.getLong(6),
                            rs.getInt(7), rs.getInt(8), rs.getBytes(9), Optional.ofNullable(envelope)
                            .map(EnvelopeId::new), AttachmentState.valueOf(rs.getString(11)),
                            Optional.ofNullable(rs.getString(12)), rs.getLong(13), rs.getLong(14)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw t.error(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw t.corruptRow(e);
        }
    }

    private byte[] open(Transaction t, byte[] context, byte[] sealed) throws StoreException {
        try {
            return cipher.open(context, sealed);
        } catch (GeneralSecurityException e) {
            throw t.corruptRow(new IllegalStateException("a sealed file or report field does not open", e));
        }
    }

    private static String below(MessageState reached) {
        StringBuilder in = new StringBuilder();
        for (MessageState s : MessageState.values()) {
            if (s.ordinal() < reached.ordinal()) {
                in.append(in.length() == 0 ? "" : ", ").append('\'').append(s.name()).append('\'');
            }
        }
        return in.length() == 0 ? "NULL" : in.toString();
    }

    /** Two strings as {@code uint32 length || first || second}, UTF-8. */
    private static byte[] meta(String first, String second) {
        byte[] a = first.getBytes(StandardCharsets.UTF_8);
        byte[] b = second.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + a.length + b.length).putInt(a.length).put(a).put(b).array();
    }

    private static String[] unmeta(Transaction t, byte[] bytes) throws StoreException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int length = bytes.length >= 4 ? buffer.getInt() : -1;
        if (length < 0 || length > bytes.length - 4) {
            throw t.corruptRow(new IllegalStateException("a sealed file or report field is malformed"));
        }
        return new String[] {new String(bytes, 4, length, StandardCharsets.UTF_8),
            new String(bytes, 4 + length, bytes.length - 4 - length, StandardCharsets.UTF_8)};
    }

    private static byte[] context(String label, byte[] peer, byte[] id) {
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(l.length + peer.length + id.length).put(l).put(peer).put(id).array();
    }

    private static byte[] chunkContext(IdentityKey peer, FileId id, int index) {
        byte[] base = context(CHUNK, peer.bytes(), id.bytes());
        return ByteBuffer.allocate(base.length + 4).put(base).putInt(index).array();
    }
}

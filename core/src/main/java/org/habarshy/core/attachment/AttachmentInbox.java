package org.habarshy.core.attachment;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.attachment.AttachmentState;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.FileChunkContent;
import org.habarshy.core.api.message.FileManifestContent;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.api.message.ReportContent;
import org.habarshy.core.crypto.FileDigest;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.message.AttachmentHook;
import org.habarshy.core.store.AttachmentStore;
import org.habarshy.core.store.ContactStore;
import org.habarshy.core.store.FileRow;
import org.habarshy.core.store.ReportRow;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.Transaction;

/**
 * Stores incoming manifests, chunks and reports from contacts (strangers' are refused: nobody can fill a disk with
 * files the user never agreed to receive), assembles files whose chunks are all held, and checks their SHA-256
 * before calling them complete. Chunks may come in any order, before their manifest, and more than once; a file
 * with missing chunks stays partial until they arrive. A manifest and its chunks that disagree (lengths, count or
 * hash) mark the file failed and drop its chunks. Store executor only, inside the inbox's transaction.
 */
final class AttachmentInbox implements AttachmentHook {
    private static final System.Logger LOG = System.getLogger(AttachmentInbox.class.getName());

    private final AttachmentStore store;
    private final ContactStore contacts;
    private final Clock clock;

    AttachmentInbox(AttachmentStore store, ContactStore contacts, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public boolean handles(MessageContent content) {
        return content instanceof FileManifestContent || content instanceof FileChunkContent
                || content instanceof ReportContent;
    }

    @Override
    public boolean accept(Transaction t, OpenedEnvelope opened, MessageContent content) throws StoreException {
        IdentityKey peer = opened.sender();
        if (contacts.byIdentityKey(t, peer).isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "a file or report from someone not in the contacts was refused");
            return false;
        }
        if (content instanceof FileManifestContent manifest) {
            return acceptManifest(t, peer, opened.id(), manifest);
        }
        if (content instanceof FileChunkContent chunk) {
            return acceptChunk(t, peer, chunk);
        }
        if (content instanceof ReportContent report) {
            return store.insertReport(t, new ReportRow(peer, report.reportId(), Direction.INCOMING, report.title(),
                    report.text(), report.fileIds().size(), opened.id(), report.sentAt(), clock.millis()));
        }
        return false;
    }

    private boolean acceptManifest(Transaction t, IdentityKey peer, EnvelopeId envelope, FileManifestContent m)
            throws StoreException {
        boolean fresh = store.insertFile(t, new FileRow(peer, m.fileId(), Direction.INCOMING, m.reportId(),
                FileNames.sanitize(m.name()), MimeTypes.clean(m.mimeType()), m.size(), m.chunkCount(), m.chunkSize(),
                m.sha256(), Optional.of(envelope), AttachmentState.PARTIAL, Optional.empty(), m.sentAt(),
                clock.millis()));
        if (fresh) {
            tryComplete(t, store.findFile(t, peer, m.fileId()).orElseThrow());
        }
        return fresh;
    }

    private boolean acceptChunk(Transaction t, IdentityKey peer, FileChunkContent chunk) throws StoreException {
        Optional<FileRow> file = store.findFile(t, peer, chunk.fileId());
        if (file.isPresent() && (file.get().direction() != Direction.INCOMING
                || file.get().state() != AttachmentState.PARTIAL)) {
            return false; // a duplicate of a finished (or failed) file
        }
        if (store.partialBytes(t, peer) + chunk.data().length > AttachmentLimits.MAX_PARTIAL_BYTES_PER_PEER) {
            LOG.log(System.Logger.Level.WARNING, "a file chunk was refused: the contact already has "
                    + AttachmentLimits.MAX_PARTIAL_BYTES_PER_PEER + " bytes of unfinished files here");
            return false;
        }
        boolean fresh = store.insertChunk(t, peer, chunk.fileId(), chunk.index(), chunk.chunkCount(), chunk.data());
        if (fresh && file.isPresent()) {
            tryComplete(t, file.get());
        }
        return fresh;
    }

    /** Completes {@code file} if every chunk is held and the whole matches its manifest; fails it on a mismatch. */
    private void tryComplete(Transaction t, FileRow file) throws StoreException {
        int[] sizes = store.chunkSizes(t, file.peer(), file.id(), file.chunkCount());
        FileManifestContent manifest = manifest(file);
        if (sizes == null) {
            fail(t, file, "a chunk lies beyond the file's " + file.chunkCount() + " chunks");
            return;
        }
        int held = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] >= 0) {
                if (sizes[i] != manifest.chunkLength(i)) {
                    fail(t, file, "chunk " + i + " has " + sizes[i] + " bytes, the manifest says "
                            + manifest.chunkLength(i));
                    return;
                }
                held++;
            }
        }
        if (held < file.chunkCount()) {
            return;
        }
        FileDigest digest = new FileDigest();
        for (int i = 0; i < file.chunkCount(); i++) {
            digest.update(store.chunk(t, file.peer(), file.id(), i).orElseThrow());
        }
        if (!FileDigest.matches(file.sha256(), digest.finish())) {
            fail(t, file, "the file's SHA-256 does not match its manifest");
            return;
        }
        store.setState(t, file.peer(), file.id(), AttachmentState.COMPLETE, null);
        LOG.log(System.Logger.Level.INFO, "a file of {0} bytes arrived complete", file.size());
    }

    private void fail(Transaction t, FileRow file, String why) throws StoreException {
        LOG.log(System.Logger.Level.WARNING, "an incoming file failed: " + why);
        store.deleteChunks(t, file.peer(), file.id());
        store.setState(t, file.peer(), file.id(), AttachmentState.FAILED, why);
    }

    private static FileManifestContent manifest(FileRow f) {
        return new FileManifestContent(f.id(), f.name(), f.mimeType(), f.size(), f.chunkCount(), f.chunkSize(),
                f.sha256(), f.report(), f.sentAt());
    }

    @Override
    public int acknowledge(Transaction t, IdentityKey from, List<EnvelopeId> ids, MessageState reached)
            throws StoreException {
        return store.acknowledge(t, from, ids, reached);
    }

    @Override
    public int carried(Transaction t, Collection<EnvelopeId> ids) throws StoreException {
        return store.addCarrier(t, ids);
    }
}

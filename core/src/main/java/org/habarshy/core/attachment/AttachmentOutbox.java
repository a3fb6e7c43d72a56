package org.habarshy.core.attachment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.attachment.AttachmentState;
import org.habarshy.core.api.attachment.FileId;
import org.habarshy.core.api.attachment.ReportId;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.FileChunkContent;
import org.habarshy.core.api.message.FileManifestContent;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.api.message.RatchetContent;
import org.habarshy.core.api.message.ReportContent;
import org.habarshy.core.message.ForwardSecrecy;
import org.habarshy.core.message.Outbox;
import org.habarshy.core.store.AttachmentStore;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.FileRow;
import org.habarshy.core.store.ReportRow;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.Transaction;
import org.habarshy.core.wire.ContentCodec;

/**
 * Queues files and reports for a contact (docs/PROTOCOL.md §13): each manifest, chunk and report is one ratchet step
 * in the forward-secret session with the contact, sealed as an ordinary envelope, so carriers see nothing but
 * envelopes. Everything of one call happens in the caller's transaction: a file is queued whole or not at all, and
 * the session on disk matches what was sealed. Store executor only.
 */
final class AttachmentOutbox {
    private final Outbox outbox;
    private final ForwardSecrecy sessions;
    private final EnvelopeStore envelopes;
    private final AttachmentStore store;
    private final SecureRandom random;
    private final Clock clock;
    private final ContentCodec codec = new ContentCodec();

    AttachmentOutbox(Outbox outbox, ForwardSecrecy sessions, EnvelopeStore envelopes, AttachmentStore store,
                     SecureRandom random, Clock clock) {
        this.outbox = outbox;
        this.sessions = sessions;
        this.envelopes = envelopes;
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    /** Returns a fresh random file id. */
    FileId newFileId() {
        byte[] id = new byte[FileId.LENGTH];
        random.nextBytes(id);
        return new FileId(id);
    }

    /** Returns a fresh random report id. */
    ReportId newReportId() {
        byte[] id = new byte[ReportId.LENGTH];
        random.nextBytes(id);
        return new ReportId(id);
    }

    /** Queues the manifest and then every chunk of {@code file} for {@code contact}, in {@code t}. */
    FileId queueFile(Transaction t, Contact contact, FileId id, PreparedFile file, Optional<ReportId> report)
            throws StoreException {
        long now = clock.millis();
        FileManifestContent manifest = new FileManifestContent(id, file.name(), file.mimeType(), file.size(),
                file.chunks().size(), file.chunkSize(), file.sha256(), report, now);
        EnvelopeId manifestEnvelope = queue(t, contact, manifest);
        store.insertPart(t, manifestEnvelope, contact.card().identityKey(), id.bytes(), -1);
        store.insertFile(t, new FileRow(contact.card().identityKey(), id, Direction.OUTGOING, report, file.name(),
                file.mimeType(), file.size(), file.chunks().size(), file.chunkSize(), file.sha256(),
                Optional.of(manifestEnvelope), AttachmentState.COMPLETE, Optional.empty(), now, now));
        List<byte[]> chunks = file.chunks();
        for (int i = 0; i < chunks.size(); i++) {
            EnvelopeId chunk = queue(t, contact, new FileChunkContent(id, i, chunks.size(), chunks.get(i)));
            store.insertPart(t, chunk, contact.card().identityKey(), id.bytes(), i);
        }
        return id;
    }

    /** Queues a report's title, text and file list for {@code contact}, in {@code t}; its files are queued apart. */
    void queueReport(Transaction t, Contact contact, ReportContent report) throws StoreException {
        EnvelopeId envelope = queue(t, contact, report);
        store.insertPart(t, envelope, contact.card().identityKey(), report.reportId().bytes(), -1);
        store.insertReport(t, new ReportRow(contact.card().identityKey(), report.reportId(), Direction.OUTGOING,
                report.title(), report.text(), report.fileIds().size(), envelope, report.sentAt(), clock.millis()));
    }

    private EnvelopeId queue(Transaction t, Contact contact, MessageContent content) throws StoreException {
        byte[] message = sessions.encrypt(t, contact.card().identityKey(), contact.card().agreementKey(),
                codec.encode(content));
        Outbox.Sealed sealed = outbox.seal(contact.card().agreementKey(), new RatchetContent(message));
        envelopes.insert(t, sealed.envelope());
        return sealed.envelope().id();
    }
}

package org.habarshy.core.attachment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.habarshy.core.api.attachment.Attachment;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.attachment.AttachmentState;
import org.habarshy.core.api.attachment.FileId;
import org.habarshy.core.api.attachment.Report;
import org.habarshy.core.api.attachment.ReportId;
import org.habarshy.core.api.attachment.Transfer;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.api.message.ReceiptContent;
import org.habarshy.core.api.message.ReportContent;
import org.habarshy.core.message.AttachmentHook;
import org.habarshy.core.message.ForwardSecrecy;
import org.habarshy.core.message.Outbox;
import org.habarshy.core.store.AttachmentStore;
import org.habarshy.core.store.ContactStore;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.FieldCipher;
import org.habarshy.core.store.FileRow;
import org.habarshy.core.store.PartProgress;
import org.habarshy.core.store.ReportRow;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.StoreThread;
import org.habarshy.core.store.Transaction;

/**
 * Files and reports of one account (docs/PROTOCOL.md §13): sends files and titled reports to a contact, lists what
 * was sent and received with its progress, and saves received files. Every database access runs on the account's
 * store executor, so callers on any thread (CLI, GUI background work) are safe; reading files from disk and saving
 * them happen on the caller's thread.
 */
public final class Attachments {
    private final Database db;
    private final ExecutorService storeExecutor;
    private final AttachmentStore store;
    private final AttachmentOutbox outbox;
    private final AttachmentInbox inbox;
    private final Outbox sealer;
    private final EnvelopeStore envelopes;
    private final Clock clock;
    private final Runnable queued;
    private final ReadReceiptsSetting readReceipts;
    private final FileChunker chunker;

    /** Whether reading sends read receipts (the account's setting). */
    @FunctionalInterface
    public interface ReadReceiptsSetting {
        /** Returns true if read receipts are on; store executor. */
        boolean on(Transaction t) throws StoreException;
    }

    /**
     * Creates the component.
     *
     * @param queued run on the store executor after envelopes were queued (the node offers them)
     */
    public Attachments(Database db, ExecutorService storeExecutor, FieldCipher cipher, EnvelopeStore envelopes,
                       ContactStore contacts, Outbox outbox, ForwardSecrecy sessions, SecureRandom random,
                       Clock clock, Runnable queued, ReadReceiptsSetting readReceipts) {
        this(db, storeExecutor, cipher, envelopes, contacts, outbox, sessions, random, clock, queued, readReceipts,
                AttachmentLimits.CHUNK_BYTES);
    }

    /** Creates the component with another chunk size (tests: small files in many chunks). */
    public Attachments(Database db, ExecutorService storeExecutor, FieldCipher cipher, EnvelopeStore envelopes,
                       ContactStore contacts, Outbox outbox, ForwardSecrecy sessions, SecureRandom random,
                       Clock clock, Runnable queued, ReadReceiptsSetting readReceipts, int chunkSize) {
        this.db = db;
        this.storeExecutor = storeExecutor;
        this.store = new AttachmentStore(cipher);
        this.outbox = new AttachmentOutbox(outbox, sessions, envelopes, store, random, clock);
        this.inbox = new AttachmentInbox(store, contacts, clock);
        this.sealer = outbox;
        this.envelopes = envelopes;
        this.clock = clock;
        this.queued = queued;
        this.readReceipts = readReceipts;
        this.chunker = new FileChunker(chunkSize);
    }

    /** Returns the hook the node's inbox and link storage hand files, reports, receipts and carrier counts to. */
    public AttachmentHook hook() {
        return inbox;
    }

    /**
     * Reads, chunks and queues each file for {@code contact} durably (all of them or, on any error, none); returns
     * them as listed. A running node offers them within a second.
     */
    public List<Attachment> sendFiles(Contact contact, List<Path> files) throws AttachmentException, StoreException {
        List<PreparedFile> prepared = prepare(files);
        int parts = prepared.stream().mapToInt(f -> f.chunks().size() + 1).sum();
        List<FileId> ids = call(() -> db.write(t -> {
            if (!roomFor(t, contact, parts)) {
                return null;
            }
            List<FileId> out = new ArrayList<>();
            for (PreparedFile file : prepared) {
                out.add(outbox.queueFile(t, contact, outbox.newFileId(), file, Optional.empty()));
            }
            return out;
        }));
        if (ids == null) {
            throw tooManyOutstanding();
        }
        storeExecutor.execute(queued);
        List<Attachment> out = new ArrayList<>();
        for (FileId id : ids) {
            out.add(find(contact.card().identityKey(), id).orElseThrow());
        }
        return out;
    }

    /**
     * Queues a report for the editor {@code contact}: the title and text first, then each file, all in one
     * transaction. Returns it as listed.
     */
    public Report sendReport(Contact editor, String title, String text, List<Path> files)
            throws AttachmentException, StoreException {
        if (files.size() > AttachmentLimits.MAX_REPORT_FILES) {
            throw new AttachmentException(AttachmentException.Reason.TOO_LARGE, "a report holds at most "
                    + AttachmentLimits.MAX_REPORT_FILES + " files");
        }
        if (title.isBlank() || title.getBytes(StandardCharsets.UTF_8).length > AttachmentLimits.MAX_TITLE_BYTES) {
            throw new AttachmentException(AttachmentException.Reason.INVALID, "a report needs a title of at most "
                    + AttachmentLimits.MAX_TITLE_BYTES + " bytes");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > AttachmentLimits.MAX_REPORT_TEXT_BYTES) {
            throw new AttachmentException(AttachmentException.Reason.TOO_LARGE, "the report text is longer than "
                    + AttachmentLimits.MAX_REPORT_TEXT_BYTES / 1024 + " KiB");
        }
        List<PreparedFile> prepared = prepare(files);
        int parts = 1 + prepared.stream().mapToInt(f -> f.chunks().size() + 1).sum();
        ReportId reportId = outbox.newReportId();
        boolean queuedAll = call(() -> db.write(t -> {
            if (!roomFor(t, editor, parts)) {
                return false;
            }
            List<FileId> ids = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                ids.add(outbox.newFileId());
            }
            outbox.queueReport(t, editor, new ReportContent(reportId, title.strip(), text, ids, clock.millis()));
            for (int i = 0; i < prepared.size(); i++) {
                outbox.queueFile(t, editor, ids.get(i), prepared.get(i), Optional.of(reportId));
            }
            return true;
        }));
        if (!queuedAll) {
            throw tooManyOutstanding();
        }
        storeExecutor.execute(queued);
        return reports().stream().filter(r -> r.id().equals(reportId) && r.direction() == Direction.OUTGOING)
                .findFirst().orElseThrow();
    }

    /** Returns whether {@code parts} more envelopes to {@code contact} stay within the outstanding limit. */
    private boolean roomFor(Transaction t, Contact contact, int parts) throws StoreException {
        return store.outstandingParts(t, contact.card().identityKey()) + parts <= AttachmentLimits.MAX_OUTSTANDING_PARTS;
    }

    private static AttachmentException tooManyOutstanding() {
        return new AttachmentException(AttachmentException.Reason.TOO_LARGE, "too much is still on its way to this "
                + "contact (at most " + AttachmentLimits.MAX_OUTSTANDING_PARTS + " file pieces, about ten files of "
                + "16 MiB); send more once earlier files are delivered");
    }

    private List<PreparedFile> prepare(List<Path> files) throws AttachmentException {
        List<PreparedFile> prepared = new ArrayList<>();
        for (Path file : files) {
            prepared.add(chunker.read(file));
        }
        return prepared;
    }

    /** Returns every file, or those exchanged with {@code peer}, oldest first, with progress. */
    public List<Attachment> list(Optional<IdentityKey> peer) throws StoreException {
        return call(() -> db.read(t -> {
            List<Attachment> out = new ArrayList<>();
            for (FileRow row : store.listFiles(t, peer)) {
                out.add(view(t, row));
            }
            return out;
        }));
    }

    /** Returns every report, oldest first, with each part's progress. */
    public List<Report> reports() throws StoreException {
        return call(() -> db.read(t -> {
            List<Report> out = new ArrayList<>();
            for (ReportRow row : store.listReports(t)) {
                List<Attachment> files = new ArrayList<>();
                for (FileRow f : store.reportFiles(t, row.peer(), row.id())) {
                    files.add(view(t, f));
                }
                Optional<Transfer> text = row.direction() == Direction.OUTGOING
                        ? Optional.of(transfer(store.progress(t, row.peer(), row.id().bytes())))
                        : Optional.empty();
                out.add(new Report(row.id(), row.direction(), row.peer(), row.title(), row.text(), row.sentAt(),
                        row.fileCount(), text, files));
            }
            return out;
        }));
    }

    /**
     * Returns the one file whose id starts with {@code hexPrefix} (at least 4 hex digits, as the CLI shows them).
     *
     * @throws AttachmentException if none or several match
     */
    public Attachment find(String hexPrefix) throws AttachmentException, StoreException {
        String prefix = hexPrefix.toLowerCase(Locale.ROOT).strip();
        if (prefix.length() < 4 || !prefix.matches("[0-9a-f]+")) {
            throw new AttachmentException(AttachmentException.Reason.NOT_FOUND,
                    "give at least 4 hex digits of a file id");
        }
        List<Attachment> matches = list(Optional.empty()).stream().filter(a -> a.id().hex().startsWith(prefix))
                .toList();
        if (matches.isEmpty()) {
            throw new AttachmentException(AttachmentException.Reason.NOT_FOUND, "no file with id " + prefix);
        }
        if (matches.size() > 1) {
            throw new AttachmentException(AttachmentException.Reason.AMBIGUOUS, matches.size()
                    + " files have ids starting with " + prefix + "; give more digits");
        }
        return matches.get(0);
    }

    /** Returns the file {@code id} exchanged with {@code peer}, if any. */
    public Optional<Attachment> find(IdentityKey peer, FileId id) throws StoreException {
        return call(() -> db.read(t -> {
            Optional<FileRow> row = store.findFile(t, peer, id);
            return row.isPresent() ? Optional.of(view(t, row.get())) : Optional.<Attachment>empty();
        }));
    }

    /**
     * Saves a complete received file into {@code dir} under its sanitized name, never over an existing file (see
     * {@link FileExport}); returns the path written. Sends a read receipt for the file unless they are turned off.
     */
    public Path save(Attachment file, Path dir) throws AttachmentException, StoreException {
        if (file.direction() != Direction.INCOMING) {
            throw new AttachmentException(AttachmentException.Reason.INVALID, "only received files can be saved");
        }
        if (file.state() == AttachmentState.FAILED) {
            throw new AttachmentException(AttachmentException.Reason.FAILED, "the file arrived damaged: "
                    + file.error().orElse("unknown reason"));
        }
        if (file.state() != AttachmentState.COMPLETE) {
            throw new AttachmentException(AttachmentException.Reason.INCOMPLETE, file.chunksHeld() + " of "
                    + file.chunkCount() + " chunks have arrived; the file completes when the rest arrive");
        }
        FileRow row = call(() -> db.read(t -> store.findFile(t, file.peer(), file.id()))).orElseThrow();
        Path written = FileExport.save(dir, row.name(), row.chunkCount(), row.sha256(),
                index -> call(() -> db.read(t -> store.chunk(t, row.peer(), row.id(), index))).orElseThrow());
        row.envelope().ifPresent(envelope -> sendRead(row.peer(), List.of(envelope)));
        return written;
    }

    /** Returns the whole bytes of a complete received file of at most {@code maxBytes} (thumbnails). */
    public Optional<byte[]> bytes(Attachment file, long maxBytes) throws StoreException {
        if (file.direction() != Direction.INCOMING || file.state() != AttachmentState.COMPLETE
                || file.size() > maxBytes) {
            return Optional.empty();
        }
        return Optional.of(call(() -> db.read(t -> {
            byte[] out = new byte[(int) file.size()];
            int at = 0;
            for (int i = 0; i < file.chunkCount(); i++) {
                byte[] chunk = store.chunk(t, file.peer(), file.id(), i).orElseThrow();
                System.arraycopy(chunk, 0, out, at, chunk.length);
                at += chunk.length;
            }
            return out;
        })));
    }

    /** Tells the author of a received report that it was read (unless read receipts are off). */
    public void markRead(Report report) throws StoreException {
        if (report.direction() != Direction.INCOMING) {
            return;
        }
        Optional<EnvelopeId> envelope = call(() -> db.read(t -> store.listReports(t).stream()
                .filter(r -> r.id().equals(report.id()) && r.peer().equals(report.peer())).findFirst()
                .map(ReportRow::envelope)));
        envelope.ifPresent(e -> sendRead(report.peer(), List.of(e)));
    }

    private void sendRead(IdentityKey peer, List<EnvelopeId> ids) {
        storeExecutor.execute(() -> {
            try {
                boolean sent = db.write(t -> {
                    if (!readReceipts.on(t)) {
                        return false;
                    }
                    Optional<org.habarshy.core.api.identity.Contact> contact = new ContactStore().byIdentityKey(t, peer);
                    if (contact.isEmpty()) {
                        return false;
                    }
                    envelopes.insert(t, sealer.seal(contact.get().card().agreementKey(),
                            new ReceiptContent(ReceiptContent.Kind.READ, ids)).envelope());
                    return true;
                });
                if (sent) {
                    queued.run();
                }
            } catch (StoreException e) {
                System.getLogger(Attachments.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot queue a read receipt for a file: " + e.getMessage());
            }
        });
    }

    private Attachment view(Transaction t, FileRow row) throws StoreException {
        boolean outgoing = row.direction() == Direction.OUTGOING;
        int held = outgoing ? row.chunkCount() : store.chunksHeld(t, row.peer(), row.id());
        Optional<Transfer> transfer = outgoing
                ? Optional.of(transfer(store.progress(t, row.peer(), row.id().bytes()))) : Optional.empty();
        return new Attachment(row.id(), row.direction(), row.peer(), row.name(), row.mimeType(), row.size(),
                row.chunkCount(), held, row.state(), row.error(), row.report(), row.sentAt(), transfer);
    }

    private static Transfer transfer(PartProgress p) {
        MessageState state = p.least();
        if (p.headRead() && p.delivered() == p.parts()) {
            state = MessageState.READ;
        }
        return new Transfer(p.parts(), p.sent(), p.delivered(), p.minCarriedBy(), state);
    }

    /** Returns a file id as the CLI shows it (the first 12 hex digits). */
    public static String shortId(FileId id) {
        return HexFormat.of().formatHex(id.bytes()).substring(0, 12);
    }

    private <T> T call(StoreThread.Task<T> task) throws StoreException {
        return StoreThread.await(storeExecutor, task);
    }
}

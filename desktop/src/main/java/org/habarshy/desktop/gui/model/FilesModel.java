package org.habarshy.desktop.gui.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.habarshy.core.api.attachment.Attachment;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.attachment.Report;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.attachment.AttachmentException;

/**
 * Files in conversations and journalists' reports, for the chat's attachment bar and the reports tab. Plain Java (no
 * Swing): methods are called on the UI thread and return at once; the work runs on the app's worker thread and
 * results come back on the UI thread.
 */
public final class FilesModel {
    /** Largest photo (bytes) a thumbnail is made of. */
    public static final long MAX_PREVIEW_BYTES = AttachmentLimits.MAX_FILE_BYTES;

    private final AppModel app;

    /** Creates the model over {@code app}'s session and worker. */
    public FilesModel(AppModel app) {
        this.app = app;
    }

    /**
     * A report as the reports tab shows it.
     *
     * @param report the report and each part's progress
     * @param alias the editor's (or reporter's) alias
     * @param files its files as rows
     */
    public record ReportView(Report report, String alias, List<AttachmentRow> files) {
        /** Copies the list. */
        public ReportView {
            files = List.copyOf(files);
        }
    }

    /** Returns the user-facing error for a failure of sending, listing or saving files. */
    public static UserError error(Exception e) {
        if (e instanceof AttachmentException a) {
            return new UserError("file.error." + a.reason().name().toLowerCase(Locale.ROOT), a.getMessage());
        }
        return UserError.of(e);
    }

    /** Returns an error if a report form cannot be sent as it is: no editor, no title, a title too long. */
    public static Optional<UserError> checkReport(String alias, String title) {
        if (alias == null || alias.isBlank()) {
            return Optional.of(new UserError("report.error.noEditor", ""));
        }
        if (title.isBlank()) {
            return Optional.of(new UserError("report.error.noTitle", ""));
        }
        if (title.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > AttachmentLimits.MAX_TITLE_BYTES) {
            return Optional.of(new UserError("report.error.titleTooLong", ""));
        }
        return Optional.empty();
    }

    /** Sends {@code files} to {@code alias}; {@code done} gets the error, if any. */
    public void attach(String alias, List<Path> files, Consumer<Optional<UserError>> done) {
        if (files.isEmpty()) {
            done.accept(Optional.empty());
            return;
        }
        app.withSession(s -> s.attachments().sendFiles(s.contact(alias), files),
                sent -> done.accept(Optional.empty()), e -> done.accept(Optional.of(error(e))));
    }

    /** Lists the files exchanged with {@code alias} (all files if empty), oldest first. */
    public void files(Optional<String> alias, Consumer<List<AttachmentRow>> done, Consumer<UserError> failed) {
        app.withSession(s -> {
            Map<IdentityKey, String> aliases = aliases(s);
            Optional<IdentityKey> peer = alias.isPresent()
                    ? Optional.of(s.contact(alias.get()).card().identityKey()) : Optional.empty();
            List<AttachmentRow> rows = new ArrayList<>();
            for (Attachment a : s.attachments().list(peer)) {
                rows.add(new AttachmentRow(a, aliases.getOrDefault(a.peer(), "")));
            }
            return rows;
        }, done, e -> failed.accept(error(e)));
    }

    /** Saves a complete received file into {@code dir}; {@code done} gets the path written. */
    public void save(AttachmentRow row, Path dir, Consumer<Path> done, Consumer<UserError> failed) {
        app.withSession(s -> s.attachments().save(row.file(), dir), done, e -> failed.accept(error(e)));
    }

    /**
     * Saves a complete received file into a new directory only this user can read, under the system's temporary
     * directory, for opening it with the desktop's viewer; {@code done} gets the path. The copy is deleted when the
     * app exits normally (not after a crash or kill).
     */
    public void saveForOpening(AttachmentRow row, Consumer<Path> done, Consumer<UserError> failed) {
        app.withSession(s -> {
            Path dir = privateTemporaryDirectory();
            dir.toFile().deleteOnExit(); // registered first, so deleted after the file
            Path written = s.attachments().save(row.file(), dir);
            written.toFile().deleteOnExit();
            return written;
        }, done, e -> failed.accept(error(e)));
    }

    private static Path privateTemporaryDirectory() throws IOException {
        try {
            return Files.createTempDirectory("habarshy-open-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempDirectory("habarshy-open-");
        }
    }

    /**
     * Reads a complete received photo and turns it into a preview with {@code decoder}, both on the worker thread
     * (decoding never runs on the UI thread); {@code done} gets the preview, or empty.
     */
    public <T> void thumbnail(AttachmentRow row, Function<byte[], Optional<T>> decoder, Consumer<Optional<T>> done) {
        if (!row.previewable()) {
            done.accept(Optional.empty());
            return;
        }
        app.withSession(s -> s.attachments().bytes(row.file(), MAX_PREVIEW_BYTES).flatMap(decoder), done,
                e -> done.accept(Optional.empty()));
    }

    /** Sends a report to the editor {@code alias}; {@code done} gets the error, if any. */
    public void sendReport(String alias, String title, String text, List<Path> files,
                           Consumer<Optional<UserError>> done) {
        Optional<UserError> invalid = checkReport(alias, title);
        if (invalid.isPresent()) {
            done.accept(invalid);
            return;
        }
        app.withSession(s -> s.attachments().sendReport(s.contact(alias), title.strip(), text.strip(), files),
                sent -> done.accept(Optional.empty()), e -> done.accept(Optional.of(error(e))));
    }

    /** Lists reports sent and received, newest first, with each part's progress. */
    public void reports(Consumer<List<ReportView>> done, Consumer<UserError> failed) {
        app.withSession(s -> {
            Map<IdentityKey, String> aliases = aliases(s);
            List<ReportView> views = new ArrayList<>();
            for (Report r : s.attachments().reports()) {
                String alias = aliases.getOrDefault(r.peer(), "");
                List<AttachmentRow> files = r.files().stream().map(f -> new AttachmentRow(f, alias)).toList();
                views.add(0, new ReportView(r, alias, files));
            }
            return views;
        }, done, e -> failed.accept(error(e)));
    }

    /** Tells a reporter their report was read (unless read receipts are off). */
    public void markRead(ReportView view) {
        app.withSession(s -> {
            s.attachments().markRead(view.report());
            return null;
        }, ignored -> { }, e -> { });
    }

    private static Map<IdentityKey, String> aliases(MessengerSession s) throws Exception {
        Map<IdentityKey, String> aliases = new HashMap<>();
        for (Contact c : s.contacts()) {
            aliases.put(c.card().identityKey(), c.alias());
        }
        return aliases;
    }
}

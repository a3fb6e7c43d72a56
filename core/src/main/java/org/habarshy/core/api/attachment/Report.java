package org.habarshy.core.api.attachment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;

/**
 * A journalist's report: a titled text and files, sent to (or received from) one contact, with how far each part
 * has travelled.
 *
 * @param id the sender's id of the report
 * @param direction incoming or outgoing
 * @param peer the editor (outgoing) or the reporter (incoming)
 * @param title the title
 * @param text the text, possibly empty
 * @param sentAt the author's clock, Unix milliseconds
 * @param fileCount files the report announces
 * @param textTransfer for outgoing reports, how far the envelope with title and text has travelled
 * @param files the report's files known here (an incoming file appears once its manifest or a chunk arrived)
 */
public record Report(ReportId id, Direction direction, IdentityKey peer, String title, String text, long sentAt,
                     int fileCount, Optional<Transfer> textTransfer, List<Attachment> files) {
    /** Checks no component is null and copies the list. */
    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(textTransfer, "textTransfer");
        files = List.copyOf(files);
    }
}

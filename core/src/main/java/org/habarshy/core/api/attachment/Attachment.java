package org.habarshy.core.api.attachment;

import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;

/**
 * A file sent to or received from a contact, as the user sees it.
 *
 * @param id the sender's id of the file
 * @param direction incoming or outgoing
 * @param peer the other party
 * @param name the file name: for incoming files already sanitized ({@code FileNames}), safe to show and to save as
 * @param mimeType the sender's MIME type guess, possibly empty
 * @param size bytes of the whole file; for an incoming file whose manifest has not arrived, 0
 * @param chunkCount chunks the file is cut into
 * @param chunksHeld chunks stored here (incoming), or {@code chunkCount} (outgoing)
 * @param state whole, partial or failed here
 * @param error why it failed, if it did
 * @param report the report it belongs to, if any
 * @param sentAt the author's clock, Unix milliseconds
 * @param transfer for outgoing files, how far its envelopes have travelled
 */
public record Attachment(FileId id, Direction direction, IdentityKey peer, String name, String mimeType, long size,
                         int chunkCount, int chunksHeld, AttachmentState state, Optional<String> error,
                         Optional<ReportId> report, long sentAt, Optional<Transfer> transfer) {
    /** Checks no component is null. */
    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(transfer, "transfer");
    }

    /** Returns the progress in whole percent: chunks held (incoming) or envelopes delivered (outgoing). */
    public int percent() {
        if (transfer.isPresent()) {
            return transfer.get().deliveredPercent();
        }
        return chunkCount == 0 ? (state == AttachmentState.COMPLETE ? 100 : 0) : (int) (100L * chunksHeld / chunkCount);
    }

    /** Returns whether this looks like a photo (an image MIME type). */
    public boolean isImage() {
        return mimeType.startsWith("image/");
    }
}

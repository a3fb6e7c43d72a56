package org.habarshy.desktop.gui.model;

import java.util.Locale;
import org.habarshy.core.api.attachment.Attachment;
import org.habarshy.core.api.attachment.AttachmentState;
import org.habarshy.core.api.message.Direction;

/**
 * One file as the chat and report views show it.
 *
 * @param file the file and its progress
 * @param alias the other party's alias, or empty if unknown
 */
public record AttachmentRow(Attachment file, String alias) {
    /** Returns whether this user sent it. */
    public boolean outgoing() {
        return file.direction() == Direction.OUTGOING;
    }

    /** Returns the progress in whole percent (chunks held, or envelopes delivered). */
    public int percent() {
        return file.percent();
    }

    /** Returns the resource key of its state: {@code file.state.*} here, or the delivery state when sent. */
    public String stateKey() {
        if (file.transfer().isPresent()) {
            return MessageRow.stateKey(file.transfer().get().state());
        }
        return "file.state." + file.state().label();
    }

    /** Returns how many link sessions carried every part of a sent file (0 for received ones). */
    public int carriedBy() {
        return file.transfer().map(t -> t.carriedBy()).orElse(0);
    }

    /** Returns whether it can be saved or opened: received and complete. */
    public boolean saveable() {
        return !outgoing() && file.state() == AttachmentState.COMPLETE;
    }

    /** Returns whether a thumbnail may be shown: a complete received image. */
    public boolean previewable() {
        return saveable() && file.isImage();
    }

    /** Returns the size as "12 B", "3.4 KiB" or "5.6 MiB". */
    public String sizeText() {
        long bytes = file.size();
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}

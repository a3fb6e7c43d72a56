package org.habarshy.core.api.message;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.attachment.FileId;
import org.habarshy.core.api.attachment.ReportId;

/**
 * A journalist's report (docs/PROTOCOL.md §13): a title, a text and the ids of the files sent with it, each as its
 * own manifest and chunks.
 */
public record ReportContent(ReportId reportId, String title, String text, List<FileId> fileIds, long sentAt)
        implements MessageContent {
    /** Checks the title (1..512 bytes), the text (at most 64 KiB) and the files (distinct, at most 32). */
    public ReportContent {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        fileIds = List.copyOf(fileIds);
        int titleBytes = title.getBytes(StandardCharsets.UTF_8).length;
        if (titleBytes == 0 || titleBytes > AttachmentLimits.MAX_TITLE_BYTES) {
            throw new IllegalArgumentException("report title of " + titleBytes + " bytes");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > AttachmentLimits.MAX_REPORT_TEXT_BYTES) {
            throw new IllegalArgumentException("report text too long");
        }
        if (fileIds.size() > AttachmentLimits.MAX_REPORT_FILES || new HashSet<>(fileIds).size() != fileIds.size()) {
            throw new IllegalArgumentException("report files: " + fileIds.size() + " (distinct, at most "
                    + AttachmentLimits.MAX_REPORT_FILES + ")");
        }
    }
}

package org.habarshy.core.api.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.attachment.FileId;
import org.habarshy.core.api.attachment.ReportId;

/**
 * Describes a file sent in chunks (docs/PROTOCOL.md §13). Every bound of {@link AttachmentLimits} is checked here, so
 * a decoded manifest is always consistent: {@code chunkCount == ceil(size / chunkSize)}.
 *
 * @param fileId the sender's random id of the file
 * @param name the sender's file name, 1..255 UTF-8 bytes, not yet sanitized
 * @param mimeType a MIME type guess, possibly empty
 * @param size bytes in the whole file, 0..{@link AttachmentLimits#MAX_FILE_BYTES}
 * @param chunkCount number of chunks
 * @param chunkSize bytes in every chunk but the last
 * @param sha256 SHA-256 of the whole file
 * @param reportId the report the file belongs to, if any
 * @param sentAt the author's clock, Unix milliseconds
 */
public record FileManifestContent(FileId fileId, String name, String mimeType, long size, int chunkCount,
                                  int chunkSize, byte[] sha256, Optional<ReportId> reportId, long sentAt)
        implements MessageContent {
    /** Length of the file hash. */
    public static final int HASH_BYTES = 32;

    /** Checks every field against the limits. */
    public FileManifestContent {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(sha256, "sha256");
        int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes == 0 || nameBytes > AttachmentLimits.MAX_NAME_BYTES) {
            throw new IllegalArgumentException("file name of " + nameBytes + " bytes");
        }
        if (mimeType.getBytes(StandardCharsets.UTF_8).length > AttachmentLimits.MAX_MIME_BYTES) {
            throw new IllegalArgumentException("MIME type too long");
        }
        if (size < 0 || size > AttachmentLimits.MAX_FILE_BYTES) {
            throw new IllegalArgumentException("file size " + size + " outside 0.." + AttachmentLimits.MAX_FILE_BYTES);
        }
        if (chunkSize < 1 || chunkSize > AttachmentLimits.CHUNK_BYTES) {
            throw new IllegalArgumentException("chunk size " + chunkSize);
        }
        if (chunkCount != AttachmentLimits.chunkCount(size, chunkSize) || chunkCount > AttachmentLimits.MAX_CHUNKS) {
            throw new IllegalArgumentException("chunk count " + chunkCount + " does not fit size " + size
                    + " and chunk size " + chunkSize);
        }
        if (sha256.length != HASH_BYTES) {
            throw new IllegalArgumentException("file hash of " + sha256.length + " bytes");
        }
        sha256 = sha256.clone();
    }

    /** Returns how many bytes chunk {@code index} must hold. */
    public int chunkLength(int index) {
        if (index < 0 || index >= chunkCount) {
            throw new IllegalArgumentException("chunk " + index + " of " + chunkCount);
        }
        return index < chunkCount - 1 ? chunkSize : (int) (size - (long) chunkSize * (chunkCount - 1));
    }

    /** Returns a copy of the file hash. */
    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileManifestContent m && fileId.equals(m.fileId) && name.equals(m.name)
                && mimeType.equals(m.mimeType) && size == m.size && chunkCount == m.chunkCount
                && chunkSize == m.chunkSize && Arrays.equals(sha256, m.sha256) && reportId.equals(m.reportId)
                && sentAt == m.sentAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileId, name, size, chunkCount, Arrays.hashCode(sha256));
    }

    @Override
    public String toString() {
        return "FileManifestContent[" + fileId + ", " + size + " bytes, " + chunkCount + " chunks]";
    }
}

package org.habarshy.core.api.message;

import java.util.Arrays;
import java.util.Objects;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.attachment.FileId;

/**
 * One chunk of a file (docs/PROTOCOL.md §13): {@code data} is the file's bytes from {@code index * chunkSize}.
 * The chunk repeats the file's chunk count so that one arriving before its manifest is still bounded.
 */
public record FileChunkContent(FileId fileId, int index, int chunkCount, byte[] data) implements MessageContent {
    /** Checks the index against the count, the count against {@link AttachmentLimits#MAX_CHUNKS} and the size. */
    public FileChunkContent {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(data, "data");
        if (chunkCount < 1 || chunkCount > AttachmentLimits.MAX_CHUNKS) {
            throw new IllegalArgumentException("chunk count " + chunkCount);
        }
        if (index < 0 || index >= chunkCount) {
            throw new IllegalArgumentException("chunk " + index + " of " + chunkCount);
        }
        if (data.length < 1 || data.length > AttachmentLimits.CHUNK_BYTES) {
            throw new IllegalArgumentException("chunk of " + data.length + " bytes");
        }
        data = data.clone();
    }

    /** Returns a copy of the chunk's bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileChunkContent c && fileId.equals(c.fileId) && index == c.index
                && chunkCount == c.chunkCount && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileId, index, chunkCount, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "FileChunkContent[" + fileId + ", " + index + "/" + chunkCount + ", " + data.length + " bytes]";
    }
}

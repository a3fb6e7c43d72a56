package org.habarshy.core.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.crypto.FileDigest;

/** Reads a file of at most {@link AttachmentLimits#MAX_FILE_BYTES} into chunks of a fixed size and hashes it. */
final class FileChunker {
    private final int chunkSize;

    FileChunker(int chunkSize) {
        if (chunkSize < 1 || chunkSize > AttachmentLimits.CHUNK_BYTES) {
            throw new IllegalArgumentException("chunk size " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    /** Reads {@code file}; refuses directories, missing files and files over the limit (also if they grow). */
    PreparedFile read(Path file) throws AttachmentException {
        String shown = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new AttachmentException(AttachmentException.Reason.IO, "not a readable file: " + shown);
        }
        try (InputStream in = Files.newInputStream(file)) {
            long declared = Files.size(file);
            if (declared > AttachmentLimits.MAX_FILE_BYTES) {
                throw tooLarge(shown);
            }
            FileDigest digest = new FileDigest();
            List<byte[]> chunks = new ArrayList<>();
            long size = 0;
            while (true) {
                byte[] chunk = in.readNBytes(chunkSize);
                if (chunk.length == 0) {
                    break;
                }
                size += chunk.length;
                if (size > AttachmentLimits.MAX_FILE_BYTES) {
                    throw tooLarge(shown);
                }
                digest.update(chunk);
                chunks.add(chunk);
            }
            String name = FileNames.sanitize(shown);
            return new PreparedFile(name, MimeTypes.guess(name), size, chunkSize, digest.finish(), chunks);
        } catch (NoSuchFileException e) {
            throw new AttachmentException(AttachmentException.Reason.IO, "no such file: " + shown, e);
        } catch (IOException e) {
            throw new AttachmentException(AttachmentException.Reason.IO, "cannot read " + shown + ": "
                    + e.getMessage(), e);
        }
    }

    private static AttachmentException tooLarge(String shown) {
        return new AttachmentException(AttachmentException.Reason.TOO_LARGE, shown + " is larger than "
                + AttachmentLimits.MAX_FILE_BYTES / (1024 * 1024) + " MiB");
    }
}

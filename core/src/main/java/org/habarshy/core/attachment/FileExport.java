package org.habarshy.core.attachment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.habarshy.core.crypto.FileDigest;

/**
 * Writes a received file into a directory the user chose, never over an existing file: the name is the sanitized
 * one, and if it is taken, {@code "name (2).ext"}, {@code "name (3).ext"}... The target is created exclusively
 * ({@code CREATE_NEW}), written chunk by chunk while hashing, synced, and deleted again if writing fails (a full disk)
 * or the bytes do not match the manifest's hash; the stored chunks are never touched, so saving can be retried.
 */
final class FileExport {
    /** Most alternative names tried before giving up. */
    static final int MAX_TRIES = 1000;

    /** Supplies chunk {@code index}'s bytes. */
    @FunctionalInterface
    interface ChunkSource {
        byte[] chunk(int index) throws Exception;
    }

    private FileExport() {
    }

    /** Writes {@code count} chunks as {@code name} into {@code dir}; returns the path written. */
    static Path save(Path dir, String name, int count, byte[] sha256, ChunkSource chunks) throws AttachmentException {
        if (!Files.isDirectory(dir)) {
            throw new AttachmentException(AttachmentException.Reason.IO, "not a directory: " + dir);
        }
        String safe = FileNames.sanitize(name);
        for (int n = 1; n <= MAX_TRIES; n++) {
            Path target = dir.resolve(candidate(safe, n));
            FileChannel channel;
            try {
                channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw new AttachmentException(AttachmentException.Reason.IO, "cannot create " + target + ": "
                        + e.getMessage(), e);
            }
            write(target, channel, count, sha256, chunks);
            return target;
        }
        throw new AttachmentException(AttachmentException.Reason.IO, "no free name for " + safe + " in " + dir);
    }

    private static void write(Path target, FileChannel channel, int count, byte[] sha256, ChunkSource chunks)
            throws AttachmentException {
        boolean done = false;
        try (channel; OutputStream out = Channels.newOutputStream(channel)) {
            FileDigest digest = new FileDigest();
            for (int i = 0; i < count; i++) {
                byte[] bytes = chunks.chunk(i);
                digest.update(bytes);
                out.write(bytes);
            }
            if (!FileDigest.matches(sha256, digest.finish())) {
                throw new AttachmentException(AttachmentException.Reason.FAILED,
                        "the stored file does not match its SHA-256; nothing was saved");
            }
            out.flush();
            channel.force(true);
            done = true;
        } catch (AttachmentException e) {
            throw e;
        } catch (IOException e) {
            throw new AttachmentException(AttachmentException.Reason.IO, "cannot write " + target + " ("
                    + e.getMessage() + "); nothing was saved and the received file is kept", e);
        } catch (Exception e) {
            throw new AttachmentException(AttachmentException.Reason.IO, "cannot read the stored file: "
                    + e.getMessage(), e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(target);
                } catch (IOException ignored) {
                    // best effort: a partial file with our exclusive name; the error above says what happened
                }
            }
        }
    }

    /** Returns {@code name} for the first try, then {@code "base (n).ext"}. */
    static String candidate(String name, int n) {
        if (n == 1) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
    }
}

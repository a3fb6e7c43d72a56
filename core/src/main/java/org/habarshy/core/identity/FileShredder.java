package org.habarshy.core.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Overwrites a file's bytes with random bytes, forces them to the device, then deletes the file.
 *
 * <p>Limits, plainly: this replaces the bytes where the file system says the file lives. On flash storage (SSDs,
 * SD cards, phones) wear levelling writes elsewhere and the old cells stay readable to someone with the chips
 * until they are erased; copy-on-write and snapshotting file systems (btrfs, ZFS, APFS) and backups keep older
 * copies; a journal may hold fragments. Overwriting is best effort; what protects the keys on such media is that
 * the identity file is encrypted with a passphrase.
 */
public final class FileShredder {
    private static final int CHUNK_BYTES = 64 * 1024;

    private final SecureRandom random;

    /** Creates a shredder drawing its overwrite bytes from the JDK's DRBG (fast enough for large databases). */
    public FileShredder() {
        this(fastRandom());
    }

    /** Creates a shredder drawing its overwrite bytes from {@code random}. */
    public FileShredder(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    private static SecureRandom fastRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /**
     * Overwrites every byte of the regular file {@code file} with random bytes and forces them to the device. A
     * symbolic link is not followed (its target is not ours to destroy). Throws NoSuchFileException if absent.
     */
    public void overwrite(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(file.toString());
            }
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, Math.max(size, 1)));
            long position = 0;
            while (position < size) {
                buffer.clear();
                random.nextBytes(buffer.array());
                buffer.limit((int) Math.min(buffer.capacity(), size - position));
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
            }
            channel.force(true);
        }
    }

    /**
     * Overwrites {@code file} ({@link #overwrite}) and deletes it; a symbolic link is only deleted. Returns false if
     * there was no such file.
     */
    public boolean shred(Path file) throws IOException {
        if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        overwrite(file);
        Files.delete(file);
        return true;
    }
}

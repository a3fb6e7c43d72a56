package org.habarshy.core.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.wire.IdentityFileCodec;
import org.habarshy.core.wire.IdentityFileFields;
import org.habarshy.core.wire.MalformedRecordException;

/**
 * Reads and writes the identity key file ({@code identity.key} in the data directory). Writes go to
 * a temporary file that is synced and then atomically renamed, so a crash leaves either no identity
 * or a whole one. The file is readable by its owner only. (Encryption at rest with a passphrase is
 * tracked separately; see docs/THREAT_MODEL.md once written.)
 */
public final class IdentityFile {
    /** File name inside the data directory. */
    public static final String FILE_NAME = "identity.key";

    private final Path file;
    private final IdentityFileCodec codec = new IdentityFileCodec();

    /** Creates access to the identity file in {@code dataDir}. */
    public IdentityFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** Returns true if an identity exists. */
    public boolean exists() {
        return Files.exists(file);
    }

    /** Writes a new identity; refuses to replace an existing one. */
    public void create(IdentityKeys keys) throws IOException {
        if (exists()) {
            throw new FileAlreadyExistsException(file.toString(), null, "an identity already exists");
        }
        byte[] seed = keys.signing().exportSeed();
        byte[] agreement = keys.agreement().exportPrivateKey();
        IdentityFileFields fields = new IdentityFileFields(keys.name(), seed, agreement, keys.createdAt());
        byte[] bytes = codec.encode(fields);
        fields.wipe();
        try {
            writeAtomically(bytes);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    private void writeAtomically(byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = dir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(temp);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            restrictToOwner(temp);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file);
        }
        syncDirectory(dir);
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: rely on the user profile's permissions.
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories; the rename is still atomic there.
        }
    }

    /**
     * Loads the identity.
     *
     * @throws NoSuchFileException if there is none (run {@code habarshy init} first)
     * @throws IOException with a clear message if the file is damaged
     */
    public IdentityKeys load() throws IOException {
        if (!exists()) {
            throw new NoSuchFileException(file.toString(), null, "no identity here; create one with 'habarshy init'");
        }
        byte[] bytes = Files.readAllBytes(file);
        IdentityFileFields fields;
        try {
            fields = codec.decode(bytes);
        } catch (MalformedRecordException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
        try {
            return new IdentityKeys(fields.name(), SigningKeyPair.fromSeed(fields.signingSeed()),
                    AgreementKeyPair.fromPrivateKey(fields.agreementPrivateKey()), fields.createdAt());
        } finally {
            fields.wipe();
        }
    }
}

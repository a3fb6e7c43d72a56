package org.habarshy.core.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.Argon2idParameters;
import org.habarshy.core.crypto.DomainLabels;
import org.habarshy.core.crypto.PassphraseKey;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.identity.IdentityFileException.Reason;
import org.habarshy.core.wire.EncryptedIdentity;
import org.habarshy.core.wire.IdentityFileCodec;
import org.habarshy.core.wire.IdentityFileFields;
import org.habarshy.core.wire.MalformedRecordException;

/**
 * Reads and writes the identity key file ({@code identity.key} in the data directory), owner-readable only.
 *
 * <p>With a non-empty passphrase the file is version 2: the version-1 bytes sealed with ChaCha20-Poly1305 under
 * an Argon2id key ({@link PassphraseKey}); with an empty passphrase it stays version 1, unencrypted, protected by
 * file permissions alone. Both versions are read (docs/PROTOCOL.md, section 6).
 *
 * <p>Every write goes to a temporary file that is synced and then atomically renamed over the old one, so a crash
 * leaves the old file or the new one, whole. When a write replaces a file, the old content is overwritten once
 * the rename is done (best effort, see {@link FileShredder}), so that adding a passphrase does not leave the
 * unencrypted keys behind in the directory.
 */
public final class IdentityFile {
    /** File name inside the data directory. */
    public static final String FILE_NAME = "identity.key";
    /** Files a write may leave behind if it is killed; they can hold key material ({@code PanicWipe} wipes them). */
    public static final List<String> WORK_FILE_NAMES = List.of(FILE_NAME + ".tmp", FILE_NAME + ".old");
    private static final char[] NO_PASSPHRASE = new char[0];

    private final Path file;
    private final Path temp;
    private final Path retired;
    private final Argon2idParameters writeParameters;
    private final IdentityFileCodec codec = new IdentityFileCodec();
    private Runnable beforeRename = () -> { };

    /** Creates access to the identity file in {@code dataDir}; encrypted writes use the default parameters. */
    public IdentityFile(Path dataDir) {
        this(dataDir, Argon2idParameters.DEFAULT);
    }

    /**
     * Creates access to the identity file in {@code dataDir}, encrypting with {@code writeParameters}; throws
     * IllegalArgumentException if they are not {@link Argon2idParameters#isAcceptable() acceptable}.
     */
    public IdentityFile(Path dataDir, Argon2idParameters writeParameters) {
        Path dir = dataDir.toAbsolutePath();
        this.file = dir.resolve(FILE_NAME);
        this.temp = dir.resolve(WORK_FILE_NAMES.get(0));
        this.retired = dir.resolve(WORK_FILE_NAMES.get(1));
        this.writeParameters = Objects.requireNonNull(writeParameters, "writeParameters");
        if (!writeParameters.isAcceptable()) {
            throw new IllegalArgumentException("Argon2id parameters out of the accepted range: " + writeParameters);
        }
    }

    /** Returns true if an identity exists. */
    public boolean exists() {
        return Files.exists(file);
    }

    /** Returns true if the identity file is encrypted with a passphrase (version 2). */
    public boolean isEncrypted() throws IOException {
        byte[] bytes = read();
        try {
            return codec.version(bytes) == IdentityFileCodec.ENCRYPTED_FILE_VERSION;
        } catch (MalformedRecordException e) {
            throw damaged(e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Writes a new, unencrypted identity; refuses to replace an existing one. */
    public void create(IdentityKeys keys) throws IOException {
        create(keys, NO_PASSPHRASE);
    }

    /**
     * Writes a new identity, encrypted under {@code passphrase} unless it is empty; refuses to replace an existing
     * one. The caller keeps (and wipes) the passphrase.
     */
    public void create(IdentityKeys keys, char[] passphrase) throws IOException {
        if (exists()) {
            throw new FileAlreadyExistsException(file.toString(), null, "an identity already exists");
        }
        byte[] bytes = encode(keys, passphrase);
        try {
            writeAtomically(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Loads an unencrypted identity.
     *
     * @throws NoSuchFileException if there is none (run {@code habarshy init} first)
     * @throws IdentityFileException if it is encrypted or damaged
     */
    public IdentityKeys load() throws IOException {
        return load(NO_PASSPHRASE);
    }

    /**
     * Loads the identity, decrypting it with {@code passphrase} if it is encrypted (an unencrypted file loads
     * whatever the passphrase). The caller keeps (and wipes) the passphrase. Changes nothing on disk.
     *
     * @throws NoSuchFileException if there is none (run {@code habarshy init} first)
     * @throws IdentityFileException if the passphrase is missing or wrong, or the file damaged or refused
     */
    public IdentityKeys load(char[] passphrase) throws IOException {
        Objects.requireNonNull(passphrase, "passphrase");
        byte[] bytes = read();
        try {
            int version = codec.version(bytes);
            if (version == IdentityFileCodec.FILE_VERSION) {
                return keysFrom(bytes);
            }
            if (version == IdentityFileCodec.ENCRYPTED_FILE_VERSION) {
                return decrypt(codec.decodeEncrypted(bytes), passphrase);
            }
            throw new IdentityFileException(Reason.DAMAGED, file + ": identity file version " + version
                    + " is not supported by this version of Habarshy");
        } catch (MalformedRecordException e) {
            throw damaged(e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Re-encrypts the identity under {@code replacement} (an empty one removes the encryption), after opening it
     * with {@code current}. The new file replaces the old one atomically; if this fails or the process dies, the
     * old file is still there and opens with {@code current}. The caller keeps (and wipes) both passphrases.
     */
    public void changePassphrase(char[] current, char[] replacement) throws IOException {
        Objects.requireNonNull(replacement, "replacement");
        IdentityKeys keys = load(current);
        byte[] bytes = encode(keys, replacement);
        try {
            writeAtomically(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Sets what runs after the new file is written and synced, just before the rename; for crash tests. */
    void beforeRename(Runnable hook) {
        this.beforeRename = Objects.requireNonNull(hook, "hook");
    }

    private byte[] read() throws IOException {
        if (!exists()) {
            throw new NoSuchFileException(file.toString(), null, "no identity here; create one with 'habarshy init'");
        }
        return Files.readAllBytes(file);
    }

    private IdentityKeys decrypt(EncryptedIdentity encrypted, char[] passphrase) throws IOException {
        if (passphrase.length == 0) {
            throw new IdentityFileException(Reason.PASSPHRASE_REQUIRED,
                    "the identity file is encrypted; its passphrase is needed to open it");
        }
        byte[] plaintext;
        try (PassphraseKey key = PassphraseKey.derive(passphrase, encrypted.parameters(), encrypted.salt())) {
            plaintext = key.open(DomainLabels.IDENTITY_FILE, encrypted.header(), encrypted.sealed());
        } catch (InvalidAlgorithmParameterException e) {
            throw new IdentityFileException(Reason.UNSAFE_PARAMETERS, file + ": refused, its key-derivation "
                    + "parameters are unsafe; it was made by another program or tampered with. " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IdentityFileException(Reason.WRONG_PASSPHRASE, "wrong passphrase or damaged identity file", e);
        }
        try {
            return keysFrom(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private IdentityKeys keysFrom(byte[] version1) throws MalformedRecordException {
        IdentityFileFields fields = codec.decode(version1);
        try {
            return new IdentityKeys(fields.name(), SigningKeyPair.fromSeed(fields.signingSeed()),
                    AgreementKeyPair.fromPrivateKey(fields.agreementPrivateKey()), fields.createdAt());
        } finally {
            fields.wipe();
        }
    }

    private IdentityFileException damaged(MalformedRecordException e) {
        return new IdentityFileException(Reason.DAMAGED, file + ": " + e.getMessage(), e);
    }

    /** Returns the file bytes: version 1, or version 2 if the passphrase is not empty. */
    private byte[] encode(IdentityKeys keys, char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        byte[] seed = keys.signing().exportSeed();
        byte[] agreement = keys.agreement().exportPrivateKey();
        IdentityFileFields fields = new IdentityFileFields(keys.name(), seed, agreement, keys.createdAt());
        byte[] version1 = codec.encode(fields);
        fields.wipe();
        if (passphrase.length == 0) {
            return version1;
        }
        try (PassphraseKey key = PassphraseKey.createNew(passphrase, writeParameters, new SecureRandom())) {
            byte[] header = codec.encodeHeader(key.parameters(), key.salt());
            return codec.encodeEncrypted(header, key.seal(DomainLabels.IDENTITY_FILE, header, version1));
        } catch (InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("write parameters were checked at construction", e);
        } finally {
            Arrays.fill(version1, (byte) 0);
        }
    }

    /**
     * Writes {@code bytes} to the temporary file, syncs it, keeps a second name for the old file, renames the
     * temporary file over the old one, syncs the directory, then overwrites and deletes the old content.
     */
    private void writeAtomically(byte[] bytes) throws IOException {
        Path dir = file.getParent();
        FileShredder shredder = new FileShredder();
        removeStale(temp, shredder);
        removeStale(retired, shredder);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            restrictToOwner(temp);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        boolean keptOld = keepOldName();
        beforeRename.run();
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(dir);
        if (keptOld) {
            shredder.shred(retired);
        }
    }

    /** Links the current file under a second name, so that its content can be overwritten after the rename. */
    private boolean keepOldName() {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            Files.createLink(retired, file);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            // No hard links here (FAT, some network shares): the old content is unlinked, not overwritten.
            return false;
        }
    }

    /**
     * Removes a file left by a write that was killed. Its content is overwritten first, unless it is another name of
     * the live identity file (a kill between linking and renaming), which must survive.
     */
    private void removeStale(Path stale, FileShredder shredder) throws IOException {
        if (Files.notExists(stale, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(stale, file)) {
            Files.delete(stale);
        } else {
            shredder.shred(stale);
        }
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
}

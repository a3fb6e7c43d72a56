package org.habarshy.relay.mailbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.habarshy.core.crypto.AgreementKeyPair;

/**
 * An X25519 private key in the relay's data directory, as 64 hex digits, mode 0600: {@code mailbox.key}, that
 * mailbox requests are sealed to, and {@code link.key}, the static key of the relay's links that other relays pin.
 * Separate from the relay's identity so that each can be published and rotated on its own.
 */
public final class MailboxKeyFile {
    /** File name of the mailbox key inside the data directory. */
    public static final String FILE_NAME = "mailbox.key";
    /** File name of the link key inside the data directory. */
    public static final String LINK_KEY_FILE = "link.key";

    private MailboxKeyFile() {
    }

    /** Reads the mailbox key, creating it on first use. */
    public static AgreementKeyPair loadOrCreate(Path dataDir, SecureRandom random) throws IOException {
        return loadOrCreate(dataDir, FILE_NAME, random);
    }

    /** Reads the key in {@code fileName}, creating it (and the data directory) on first use. */
    public static AgreementKeyPair loadOrCreate(Path dataDir, String fileName, SecureRandom random)
            throws IOException {
        Path file = dataDir.resolve(fileName);
        if (!Files.isDirectory(dataDir)) {
            Files.createDirectories(dataDir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(file)) {
            AgreementKeyPair fresh = AgreementKeyPair.generate(random);
            byte[] hex = HexFormat.of().formatHex(fresh.exportPrivateKey()).getBytes(StandardCharsets.US_ASCII);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(file, hex);
                return fresh;
            } catch (FileAlreadyExistsException e) {
                // Another process created it meanwhile: read theirs.
            } finally {
                Arrays.fill(hex, (byte) 0);
            }
        }
        if (Files.size(file) > 128) {
            throw new IOException("damaged " + fileName.replace(".key", "") + " key file (expected 64 hex digits): " + file);
        }
        byte[] text = Files.readAllBytes(file);
        byte[] key = null;
        try {
            key = HexFormat.of().parseHex(new String(text, StandardCharsets.US_ASCII).strip());
            if (key.length != AgreementKeyPair.PRIVATE_KEY_BYTES) {
                throw new IOException("damaged " + fileName.replace(".key", "") + " key file (expected 64 hex digits): " + file);
            }
            return AgreementKeyPair.fromPrivateKey(key);
        } catch (IllegalArgumentException e) {
            throw new IOException("damaged " + fileName.replace(".key", "") + " key file (expected 64 hex digits): " + file);
        } finally {
            Arrays.fill(text, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }
}

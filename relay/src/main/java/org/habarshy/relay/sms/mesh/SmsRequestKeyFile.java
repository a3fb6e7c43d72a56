package org.habarshy.relay.sms.mesh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.habarshy.core.crypto.AgreementKeyPair;

/**
 * {@code sms-request.key} in the relay's data directory: the X25519 private key that users seal their SMS requests
 * to (docs/PROTOCOL.md §15.4), 64 hex digits, mode 0600; and {@code sms-request.pub}, its public key in hex, which the
 * operator gives to the users (`habarshy sms relay KEY`). Separate from the relay's identity, so the relay's node
 * never tries to read requests as messages.
 */
final class SmsRequestKeyFile {
    static final String FILE_NAME = "sms-request.key";
    static final String PUBLIC_FILE_NAME = "sms-request.pub";
    private static final String DAMAGED = "damaged SMS request key file (expected 64 hex digits): ";

    private SmsRequestKeyFile() {
    }

    /** Reads the key, creating it on first use, and (re)writes the public key file. */
    static AgreementKeyPair loadOrCreate(Path dataDir, SecureRandom random) throws IOException {
        AgreementKeyPair key = load(dataDir, random);
        Path pub = dataDir.resolve(PUBLIC_FILE_NAME);
        Path tmp = dataDir.resolve(PUBLIC_FILE_NAME + ".tmp");
        Files.writeString(tmp, HexFormat.of().formatHex(key.publicKey().bytes()) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, pub, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return key;
    }

    private static AgreementKeyPair load(Path dataDir, SecureRandom random) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
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
            throw new IOException(DAMAGED + file);
        }
        byte[] text = Files.readAllBytes(file);
        byte[] key = null;
        try {
            key = HexFormat.of().parseHex(new String(text, StandardCharsets.US_ASCII).strip());
            if (key.length != AgreementKeyPair.PRIVATE_KEY_BYTES) {
                throw new IOException(DAMAGED + file);
            }
            return AgreementKeyPair.fromPrivateKey(key);
        } catch (IllegalArgumentException e) {
            throw new IOException(DAMAGED + file);
        } finally {
            Arrays.fill(text, (byte) 0);
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }
}

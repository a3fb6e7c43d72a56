package org.habarshy.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.habarshy.core.crypto.Argon2idParameters;
import org.habarshy.core.identity.IdentityFileException.Reason;
import org.habarshy.core.wire.EncryptedIdentity;
import org.habarshy.core.wire.IdentityFileCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passphrase-encrypted identity file: round trip, refusals, tampering, and changing the passphrase. */
class IdentityFileEncryptionTest {
    private static final Argon2idParameters FAST = Argon2idParameters.FLOOR;
    private static final char[] PASSPHRASE = "Жарық жоқ, бірақ хабар жетеді".toCharArray();
    private static final char[] OTHER = "a different passphrase".toCharArray();
    private static final char[] NONE = new char[0];

    @TempDir
    Path dir;

    private final IdentityKeys keys = IdentityKeys.generate("Aigerim", new SecureRandom(), 1_767_225_600_000L);
    private final IdentityFileCodec codec = new IdentityFileCodec();

    @Test
    void encryptedFileRoundTripsAndHoldsNoKeyInTheClear() throws Exception {
        IdentityFile file = new IdentityFile(dir, FAST);
        file.create(keys, PASSPHRASE.clone());
        byte[] bytes = Files.readAllBytes(identityPath());

        assertThat(file.isEncrypted()).isTrue();
        assertThat(codec.version(bytes)).isEqualTo(IdentityFileCodec.ENCRYPTED_FILE_VERSION);
        assertThat(indexOf(bytes, keys.signing().exportSeed())).isNegative();
        assertThat(indexOf(bytes, keys.agreement().exportPrivateKey())).isNegative();
        assertThat(indexOf(bytes, "Aigerim".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNegative();
        assertThat(Files.getPosixFilePermissions(identityPath()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertSameIdentity(file.load(PASSPHRASE.clone()));
        assertThat(filesInDir()).containsExactly(IdentityFile.FILE_NAME);
    }

    @Test
    void aWrongOrMissingPassphraseIsRefusedClearlyAndChangesNothing() throws Exception {
        IdentityFile file = new IdentityFile(dir, FAST);
        file.create(keys, PASSPHRASE.clone());
        byte[] before = Files.readAllBytes(identityPath());

        assertRefused(() -> file.load(OTHER.clone()), Reason.WRONG_PASSPHRASE)
                .hasMessage("wrong passphrase or damaged identity file");
        assertRefused(() -> file.load(), Reason.PASSPHRASE_REQUIRED);
        assertRefused(() -> file.changePassphrase(OTHER.clone(), "new".toCharArray()), Reason.WRONG_PASSPHRASE);
        assertThat(Files.readAllBytes(identityPath())).isEqualTo(before);
        assertThat(filesInDir()).containsExactly(IdentityFile.FILE_NAME);
    }

    @Test
    void aChangedHeaderSaltOrCiphertextFailsAsWrongPassphrase() throws Exception {
        new IdentityFile(dir, FAST).create(keys, PASSPHRASE.clone());
        EncryptedIdentity original = codec.decodeEncrypted(Files.readAllBytes(identityPath()));

        Argon2idParameters stronger = new Argon2idParameters(FAST.memoryKiB(), FAST.iterations() + 1, 1);
        rewrite(codec.encodeHeader(stronger, original.salt()), original.sealed());
        assertRefused(this::loadWithPassphrase, Reason.WRONG_PASSPHRASE);

        byte[] salt = original.salt().clone();
        salt[0] ^= 1;
        rewrite(codec.encodeHeader(FAST, salt), original.sealed());
        assertRefused(this::loadWithPassphrase, Reason.WRONG_PASSPHRASE);

        for (int index : new int[] {0, 11, 12, original.sealed().length / 2, original.sealed().length - 1}) {
            byte[] sealed = original.sealed().clone();
            sealed[index] ^= (byte) 0x80;
            rewrite(original.header(), sealed);
            assertRefused(this::loadWithPassphrase, Reason.WRONG_PASSPHRASE);
        }
        rewrite(original.header(), original.sealed());
        assertSameIdentity(loadWithPassphrase());
    }

    @Test
    void flippingAnyByteOfTheHeaderNeverOpensTheFile() throws Exception {
        new IdentityFile(dir, FAST).create(keys, PASSPHRASE.clone());
        byte[] good = Files.readAllBytes(identityPath());
        int headerEnd = 4 + codec.decodeEncrypted(good).header().length;
        for (int i = 0; i < headerEnd; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            Files.write(identityPath(), bad);
            assertThatThrownBy(this::loadWithPassphrase).as("byte %d flipped", i)
                    .isInstanceOf(IdentityFileException.class);
        }
        for (int length = 0; length < good.length; length += 7) {
            Files.write(identityPath(), Arrays.copyOf(good, length));
            assertThatThrownBy(this::loadWithPassphrase).as("cut to %d bytes", length)
                    .isInstanceOf(IdentityFileException.class);
        }
    }

    @Test
    void downgradedParametersAreRefusedBeforeThePassphraseIsTried() throws Exception {
        new IdentityFile(dir, FAST).create(keys, PASSPHRASE.clone());
        EncryptedIdentity original = codec.decodeEncrypted(Files.readAllBytes(identityPath()));
        for (Argon2idParameters unsafe : List.of(new Argon2idParameters(8, 1, 1),
                new Argon2idParameters(FAST.memoryKiB() - 1, FAST.iterations(), 1),
                new Argon2idParameters(FAST.memoryKiB(), FAST.iterations() - 1, 1),
                new Argon2idParameters(Integer.MAX_VALUE, 1000, 1))) {
            rewrite(codec.encodeHeader(unsafe, original.salt()), original.sealed());
            assertRefused(this::loadWithPassphrase, Reason.UNSAFE_PARAMETERS)
                    .hasMessageContaining("refused").hasMessageContaining(unsafe.toString());
        }
    }

    @Test
    void aVersion1FileStillOpensAndUpgradesToVersion2() throws Exception {
        IdentityFile file = new IdentityFile(dir, FAST);
        file.create(keys);
        assertThat(file.isEncrypted()).isFalse();
        assertSameIdentity(file.load());
        assertSameIdentity(file.load(PASSPHRASE.clone()));
        Path spy = dir.resolve("spy-link-to-the-version-1-inode");
        Files.createLink(spy, identityPath());
        byte[] version1 = Files.readAllBytes(identityPath());

        file.changePassphrase(NONE, PASSPHRASE.clone());

        assertThat(file.isEncrypted()).isTrue();
        assertRefused(file::load, Reason.PASSPHRASE_REQUIRED);
        assertSameIdentity(file.load(PASSPHRASE.clone()));
        byte[] leftOver = Files.readAllBytes(spy);
        assertThat(leftOver).as("the unencrypted keys were overwritten, not just unlinked").hasSameSizeAs(version1)
                .isNotEqualTo(version1);
        assertThat(indexOf(leftOver, keys.signing().exportSeed())).isNegative();
        Files.delete(spy);
        assertThat(filesInDir()).containsExactly(IdentityFile.FILE_NAME);
    }

    @Test
    void changingThePassphraseReencryptsWithAFreshSaltAndEmptyRemovesEncryption() throws Exception {
        IdentityFile file = new IdentityFile(dir, FAST);
        file.create(keys, PASSPHRASE.clone());
        byte[] firstSalt = codec.decodeEncrypted(Files.readAllBytes(identityPath())).salt();

        file.changePassphrase(PASSPHRASE.clone(), OTHER.clone());
        assertRefused(this::loadWithPassphrase, Reason.WRONG_PASSPHRASE);
        assertSameIdentity(file.load(OTHER.clone()));
        assertThat(codec.decodeEncrypted(Files.readAllBytes(identityPath())).salt()).isNotEqualTo(firstSalt);

        file.changePassphrase(OTHER.clone(), NONE);
        assertThat(file.isEncrypted()).isFalse();
        assertSameIdentity(file.load());
        assertThat(filesInDir()).containsExactly(IdentityFile.FILE_NAME);
    }

    @Test
    void theOldFileStaysValidUntilTheRenameAndACrashBeforeItLosesNothing() throws Exception {
        IdentityFile file = new IdentityFile(dir, FAST);
        file.create(keys, PASSPHRASE.clone());
        byte[] before = Files.readAllBytes(identityPath());
        file.beforeRename(() -> {
            try {
                assertThat(Files.readAllBytes(identityPath())).isEqualTo(before);
                assertSameIdentity(new IdentityFile(dir).load(PASSPHRASE.clone()));
                assertThat(new IdentityFile(dir.resolve("nowhere")).exists()).isFalse();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            throw new IllegalStateException("simulated crash just before the rename");
        });
        assertThatThrownBy(() -> file.changePassphrase(PASSPHRASE.clone(), OTHER.clone()))
                .hasMessageContaining("simulated crash");

        assertThat(Files.readAllBytes(identityPath())).isEqualTo(before);
        assertSameIdentity(new IdentityFile(dir).load(PASSPHRASE.clone()));
        assertThat(filesInDir()).contains(IdentityFile.FILE_NAME + ".tmp", IdentityFile.FILE_NAME + ".old");

        IdentityFile next = new IdentityFile(dir, FAST);
        next.changePassphrase(PASSPHRASE.clone(), OTHER.clone());
        assertSameIdentity(next.load(OTHER.clone()));
        assertThat(filesInDir()).containsExactly(IdentityFile.FILE_NAME);
    }

    @Test
    void aDamagedOrUnknownVersionFileIsReportedAsSuch() throws Exception {
        Files.write(identityPath(), new byte[] {0x08, 0x07});
        assertRefused(() -> new IdentityFile(dir).load(PASSPHRASE.clone()), Reason.DAMAGED)
                .hasMessageContaining("version 7 is not supported");
        Files.write(identityPath(), new byte[] {(byte) 0xff, (byte) 0xff});
        assertRefused(() -> new IdentityFile(dir).load(), Reason.DAMAGED).hasMessageContaining("damaged");
        assertThatThrownBy(() -> new IdentityFile(dir, new Argon2idParameters(8, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private IdentityKeys loadWithPassphrase() throws java.io.IOException {
        return new IdentityFile(dir).load(PASSPHRASE.clone());
    }

    private void rewrite(byte[] header, byte[] sealed) throws java.io.IOException {
        Files.write(identityPath(), codec.encodeEncrypted(header, sealed));
    }

    private Path identityPath() {
        return dir.resolve(IdentityFile.FILE_NAME);
    }

    private List<String> filesInDir() throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void assertSameIdentity(IdentityKeys loaded) {
        assertThat(loaded.card()).isEqualTo(keys.card());
        assertThat(loaded.signing().exportSeed()).isEqualTo(keys.signing().exportSeed());
        assertThat(loaded.agreement().exportPrivateKey()).isEqualTo(keys.agreement().exportPrivateKey());
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(IdentityFileException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}

package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** Sealing with a passphrase-derived key: round trip, refusals, tampering, and parameter policy. */
class PassphraseKeyTest {
    private static final Argon2idParameters FAST = Argon2idParameters.FLOOR;
    private static final String LABEL = DomainLabels.IDENTITY_FILE;
    private static final byte[] HEADER = "header: version 2, m, t, p, salt".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "the identity keys, 64 bytes or so".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();

    @Test
    void opensWhatItSealedWithTheSamePassphraseSaltAndHeader() throws Exception {
        byte[] sealed;
        byte[] salt;
        try (PassphraseKey key = PassphraseKey.createNew("Сәлем".toCharArray(), FAST, random)) {
            sealed = key.seal(LABEL, HEADER, SECRET);
            salt = key.salt();
            assertThat(key.parameters()).isEqualTo(FAST);
        }
        assertThat(salt).hasSize(PassphraseKey.SALT_BYTES);
        assertThat(sealed).hasSize(SECRET.length + PassphraseKey.SEALED_OVERHEAD_BYTES);
        try (PassphraseKey key = PassphraseKey.derive("Сәлем".toCharArray(), FAST, salt)) {
            assertThat(key.open(LABEL, HEADER, sealed)).isEqualTo(SECRET);
        }
    }

    @Test
    void aWrongPassphraseLabelOrHeaderFailsAuthentication() throws Exception {
        byte[] sealed;
        byte[] salt;
        try (PassphraseKey key = PassphraseKey.createNew("right".toCharArray(), FAST, random)) {
            sealed = key.seal(LABEL, HEADER, SECRET);
            salt = key.salt();
        }
        try (PassphraseKey wrong = PassphraseKey.derive("Right".toCharArray(), FAST, salt)) {
            assertThatThrownBy(() -> wrong.open(LABEL, HEADER, sealed)).isInstanceOf(AEADBadTagException.class);
        }
        try (PassphraseKey key = PassphraseKey.derive("right".toCharArray(), FAST, salt)) {
            assertThatThrownBy(() -> key.open(DomainLabels.CONTACT_CARD, HEADER, sealed))
                    .isInstanceOf(AEADBadTagException.class);
            byte[] header = HEADER.clone();
            header[header.length - 1] ^= 1;
            assertThatThrownBy(() -> key.open(LABEL, header, sealed)).isInstanceOf(AEADBadTagException.class);
        }
    }

    @Test
    void everyFlippedBitAndEveryTruncationOfTheSealedBytesIsRefused() throws Exception {
        byte[] sealed;
        byte[] salt;
        try (PassphraseKey key = PassphraseKey.createNew("pass".toCharArray(), FAST, random)) {
            sealed = key.seal(LABEL, HEADER, SECRET);
            salt = key.salt();
        }
        try (PassphraseKey key = PassphraseKey.derive("pass".toCharArray(), FAST, salt)) {
            for (int i = 0; i < sealed.length * 8; i++) {
                byte[] tampered = sealed.clone();
                tampered[i / 8] ^= (byte) (1 << (i % 8));
                assertThatThrownBy(() -> key.open(LABEL, HEADER, tampered)).isInstanceOf(AEADBadTagException.class);
            }
            for (int length = 0; length < sealed.length; length++) {
                byte[] truncated = Arrays.copyOf(sealed, length);
                assertThatThrownBy(() -> key.open(LABEL, HEADER, truncated)).isInstanceOf(AEADBadTagException.class);
            }
            assertThat(key.open(LABEL, HEADER, sealed)).isEqualTo(SECRET);
        }
    }

    @Test
    void eachNewKeyHasItsOwnSaltAndNonce() throws Exception {
        byte[] first;
        byte[] second;
        byte[] firstSalt;
        byte[] secondSalt;
        try (PassphraseKey a = PassphraseKey.createNew("same".toCharArray(), FAST, random);
             PassphraseKey b = PassphraseKey.createNew("same".toCharArray(), FAST, random)) {
            first = a.seal(LABEL, HEADER, SECRET);
            second = b.seal(LABEL, HEADER, SECRET);
            firstSalt = a.salt();
            secondSalt = b.salt();
        }
        assertThat(firstSalt).isNotEqualTo(secondSalt);
        assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
    }

    @Test
    void parametersBelowTheFloorOrAboveTheCeilingAreRefusedBeforeDeriving() {
        byte[] salt = new byte[PassphraseKey.SALT_BYTES];
        for (Argon2idParameters weak : new Argon2idParameters[] {new Argon2idParameters(8, 1, 1),
                new Argon2idParameters(19 * 1024 - 1, 2, 1), new Argon2idParameters(64 * 1024, 1, 1)}) {
            assertThat(weak.isAcceptable()).isFalse();
            assertThatThrownBy(() -> PassphraseKey.derive("pass".toCharArray(), weak, salt))
                    .isInstanceOf(InvalidAlgorithmParameterException.class)
                    .hasMessageContaining("outside the accepted range");
            assertThatThrownBy(() -> PassphraseKey.createNew("pass".toCharArray(), weak, random))
                    .isInstanceOf(InvalidAlgorithmParameterException.class);
        }
        for (Argon2idParameters absurd : new Argon2idParameters[] {new Argon2idParameters(Integer.MAX_VALUE, 3, 1),
                new Argon2idParameters(64 * 1024, 17, 1), new Argon2idParameters(64 * 1024, 3, 9)}) {
            assertThat(absurd.isAcceptable()).isFalse();
            assertThatThrownBy(() -> PassphraseKey.derive("pass".toCharArray(), absurd, salt))
                    .isInstanceOf(InvalidAlgorithmParameterException.class);
        }
        assertThat(Argon2idParameters.FLOOR.isAcceptable()).isTrue();
        assertThat(Argon2idParameters.DEFAULT.isAcceptable()).isTrue();
        assertThat(Argon2idParameters.CEILING.isAcceptable()).isTrue();
        assertThatThrownBy(() -> new Argon2idParameters(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMisuse() throws Exception {
        assertThatThrownBy(() -> PassphraseKey.createNew(new char[0], FAST, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PassphraseKey.createNew(new char[] {'a', '\uD800'}, FAST, random))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid Unicode");
        assertThatThrownBy(() -> PassphraseKey.derive("pass".toCharArray(), FAST, new byte[15]))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] salt;
        try (PassphraseKey key = PassphraseKey.createNew("pass".toCharArray(), FAST, random)) {
            key.seal(LABEL, HEADER, SECRET);
            assertThatThrownBy(() -> key.seal(LABEL, HEADER, SECRET)).isInstanceOf(IllegalStateException.class);
            salt = key.salt();
            assertThat(key.toString()).doesNotContain(Arrays.toString(salt)).contains("m=19456 KiB");
        }
        PassphraseKey opener = PassphraseKey.derive("pass".toCharArray(), FAST, salt);
        assertThatThrownBy(() -> opener.seal(LABEL, HEADER, SECRET)).isInstanceOf(IllegalStateException.class);
        opener.close();
        assertThatThrownBy(() -> opener.open(LABEL, HEADER, new byte[40])).isInstanceOf(IllegalStateException.class);
    }
}

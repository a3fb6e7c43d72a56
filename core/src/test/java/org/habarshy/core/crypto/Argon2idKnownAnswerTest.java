package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Argon2id known answers: RFC 9106 §5.3, and vectors of the shape Habarshy uses (UTF-8 passphrase, 16-byte salt,
 * one lane, no secret or associated data) from the reference C implementation
 * ({@code src/test/resources/crypto/argon2id_vectors.py}).
 */
class Argon2idKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] PASSPHRASE = "Жарық жоқ, бірақ хабар жетеді".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SALT = HEX.parseHex("000102030405060708090a0b0c0d0e0f");

    @Test
    void rfc9106Section5Point3() {
        byte[] tag = Argon2id.derive(filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04),
                new Argon2idParameters(32, 3, 4), 32);
        assertThat(HEX.formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void referenceImplementationAtTheFloor() {
        byte[] key = Argon2id.derive(PASSPHRASE, SALT, EMPTY, EMPTY, Argon2idParameters.FLOOR, 32);
        assertThat(HEX.formatHex(key))
                .isEqualTo("d739e6bb4ff15b29a4b895c3c04e49dcf69decc28e2c095ca6b8ec5458f1b36e");
    }

    @Test
    void referenceImplementationAtTheDefault() {
        byte[] key = Argon2id.derive(PASSPHRASE, SALT, EMPTY, EMPTY, Argon2idParameters.DEFAULT, 32);
        assertThat(HEX.formatHex(key))
                .isEqualTo("a5bc90c30f638e28b4ab798de13d509eaeae94a9dccebcd376af195f451493de");
    }

    @Test
    void rejectsInputsArgon2DoesNotDefine() {
        Argon2idParameters small = new Argon2idParameters(8, 1, 1);
        assertThatThrownBy(() -> Argon2id.derive(PASSPHRASE, new byte[7], EMPTY, EMPTY, small, 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argon2id.derive(PASSPHRASE, SALT, EMPTY, EMPTY, small, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Argon2id.derive(PASSPHRASE, SALT, EMPTY, EMPTY, new Argon2idParameters(15, 1, 2), 32))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }
}

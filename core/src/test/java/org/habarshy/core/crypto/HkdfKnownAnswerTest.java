package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 5869 appendix A test cases 1-3 (HKDF-SHA256) and the length bounds of {@link Hkdf}. */
class HkdfKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc5869TestCase1() {
        byte[] okm = Hkdf.sha256(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(HEX.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865");
    }

    @Test
    void rfc5869TestCase2() {
        byte[] okm = Hkdf.sha256(sequence(0x00, 80), sequence(0x60, 80), sequence(0xb0, 80), 82);
        assertThat(HEX.formatHex(okm)).isEqualTo("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                + "cc30c58179ec3e87c14c01d5c1f3434f1d87");
    }

    @Test
    void rfc5869TestCase3() {
        byte[] okm = Hkdf.sha256(HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), new byte[0],
                new byte[0], 42);
        assertThat(HEX.formatHex(okm)).isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                + "9d201395faa4b61a96c8");
    }

    @Test
    void emptySaltEqualsThirtyTwoZeroBytes() {
        byte[] ikm = sequence(1, 20);
        assertThat(Hkdf.sha256(ikm, new byte[0], new byte[0], 64))
                .isEqualTo(Hkdf.sha256(ikm, new byte[32], new byte[0], 64));
    }

    @Test
    void outputLengthIsBounded() {
        assertThat(Hkdf.sha256(new byte[1], new byte[0], new byte[0], 0)).isEmpty();
        assertThat(Hkdf.sha256(new byte[1], new byte[0], new byte[0], 8160)).hasSize(8160);
        assertThatThrownBy(() -> Hkdf.sha256(new byte[1], new byte[0], new byte[0], 8161))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.sha256(new byte[1], new byte[0], new byte[0], -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] sequence(int first, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (first + i);
        }
        return out;
    }
}

package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** RFC 8439 section 2.8.2 AEAD vector plus the input checks of {@link ChaCha20Poly1305Aead}. */
class ChaCha20Poly1305KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY =
            HEX.parseHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    private static final byte[] NONCE = HEX.parseHex("070000004041424344454647");
    private static final byte[] AAD = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
    private static final byte[] PLAINTEXT = ("Ladies and Gentlemen of the class of '99: If I could offer you only one"
            + " tip for the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
    private static final String CIPHERTEXT = String.join("",
            "d31a8d34648e60db7b86afbc53ef7ec2", "a4aded51296e08fea9e2b5a736ee62d6",
            "3dbea45e8ca9671282fafb69da92728b", "1a71de0a9e060b2905d6a5b67ecd3b36",
            "92ddbd7f2d778b8c9803aee328091b58", "fab324e4fad675945585808b4831d7bc",
            "3ff4def08e4b7a9de576d26586cec64b", "6116");
    private static final String TAG = "1ae10b594f09e26a7e902ecbd0600691";

    @Test
    void rfc8439Section282Seal() {
        assertThat(PLAINTEXT).hasSize(114);
        assertThat(HEX.formatHex(ChaCha20Poly1305Aead.seal(KEY, NONCE, AAD, PLAINTEXT))).isEqualTo(CIPHERTEXT + TAG);
    }

    @Test
    void rfc8439Section282Open() throws Exception {
        assertThat(ChaCha20Poly1305Aead.open(KEY, NONCE, AAD, HEX.parseHex(CIPHERTEXT + TAG))).isEqualTo(PLAINTEXT);
    }

    @Test
    void openRejectsEveryFlippedBitAndWrongAad() {
        byte[] sealed = HEX.parseHex(CIPHERTEXT + TAG);
        for (int i = 0; i < sealed.length * 8; i++) {
            byte[] tampered = sealed.clone();
            tampered[i / 8] ^= (byte) (1 << (i % 8));
            assertThatThrownBy(() -> ChaCha20Poly1305Aead.open(KEY, NONCE, AAD, tampered))
                    .isInstanceOf(AEADBadTagException.class);
        }
        byte[] aad = AAD.clone();
        aad[0] ^= 1;
        assertThatThrownBy(() -> ChaCha20Poly1305Aead.open(KEY, NONCE, aad, sealed))
                .isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void openRejectsEveryTruncation() {
        byte[] sealed = HEX.parseHex(CIPHERTEXT + TAG);
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertThatThrownBy(() -> ChaCha20Poly1305Aead.open(KEY, NONCE, AAD, truncated))
                    .isInstanceOf(AEADBadTagException.class);
        }
    }

    @Test
    void rfc8439Section282AtOffsetsInsideLargerArrays() throws Exception {
        byte[] out = new byte[7 + PLAINTEXT.length + 16 + 5];
        byte[] in = new byte[3 + PLAINTEXT.length + 9];
        System.arraycopy(PLAINTEXT, 0, in, 3, PLAINTEXT.length);
        assertThat(ChaCha20Poly1305Aead.seal(KEY, NONCE, AAD, in, 3, PLAINTEXT.length, out, 7))
                .isEqualTo(PLAINTEXT.length + 16);
        assertThat(HEX.formatHex(out, 7, 7 + PLAINTEXT.length + 16)).isEqualTo(CIPHERTEXT + TAG);

        byte[] opened = new byte[2 + PLAINTEXT.length + 2];
        assertThat(ChaCha20Poly1305Aead.open(KEY, NONCE, AAD, out, 7, PLAINTEXT.length + 16, opened, 2))
                .isEqualTo(PLAINTEXT.length);
        assertThat(Arrays.copyOfRange(opened, 2, 2 + PLAINTEXT.length)).isEqualTo(PLAINTEXT);
    }

    @Test
    void openIntoACallerBufferLeavesZerosWhenTheTagFails() {
        byte[] sealed = HEX.parseHex(CIPHERTEXT + TAG);
        sealed[sealed.length - 1] ^= 1;
        byte[] out = new byte[PLAINTEXT.length + 2];
        Arrays.fill(out, (byte) 0x55);
        assertThatThrownBy(() -> ChaCha20Poly1305Aead.open(KEY, NONCE, AAD, sealed, 0, sealed.length, out, 1))
                .isInstanceOf(AEADBadTagException.class);
        assertThat(Arrays.copyOfRange(out, 1, 1 + PLAINTEXT.length)).containsOnly((byte) 0);
        assertThat(out[0]).isEqualTo((byte) 0x55);
        assertThat(out[out.length - 1]).isEqualTo((byte) 0x55);
    }

    @Test
    void regionsOutsideTheArraysAreRejected() {
        byte[] sealed = HEX.parseHex(CIPHERTEXT + TAG);
        assertThatThrownBy(() -> ChaCha20Poly1305Aead.seal(KEY, NONCE, AAD, PLAINTEXT, 1, PLAINTEXT.length,
                new byte[PLAINTEXT.length + 16], 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ChaCha20Poly1305Aead.seal(KEY, NONCE, AAD, PLAINTEXT, 0, PLAINTEXT.length,
                new byte[PLAINTEXT.length + 15], 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ChaCha20Poly1305Aead.open(KEY, NONCE, AAD, sealed, 0, sealed.length,
                new byte[PLAINTEXT.length - 1], 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void emptyPlaintextRoundTrips() throws Exception {
        byte[] sealed = ChaCha20Poly1305Aead.seal(KEY, NONCE, new byte[0], new byte[0]);
        assertThat(sealed).hasSize(16);
        assertThat(ChaCha20Poly1305Aead.open(KEY, NONCE, new byte[0], sealed)).isEmpty();
    }

    @Test
    void wrongKeyOrNonceSizesAreRejected() {
        assertThatThrownBy(() -> ChaCha20Poly1305Aead.seal(new byte[16], NONCE, AAD, PLAINTEXT))
                .isInstanceOf(IllegalArgumentException.class);
        for (int size : new int[] {0, 8, 11, 13, 16, 24, 32}) {
            assertThatThrownBy(() -> ChaCha20Poly1305Aead.seal(KEY, new byte[size], AAD, PLAINTEXT))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ChaCha20Poly1305Aead.open(KEY, new byte[size], AAD, new byte[32]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

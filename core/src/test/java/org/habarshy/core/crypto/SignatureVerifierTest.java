package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.habarshy.core.api.identity.IdentityKey;
import org.junit.jupiter.api.Test;

/** Strictness of {@link SignatureVerifier}: lengths, canonical S, small-order and mixed-order public keys. */
class SignatureVerifierTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger GROUP_ORDER =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final byte[] MESSAGE = "hello".getBytes(StandardCharsets.UTF_8);

    private final SigningKeyPair pair = SigningKeyPair.generate(new SecureRandom());

    @Test
    void acceptsAValidSignatureAndRejectsAnyOtherMessage() {
        byte[] signature = pair.sign(MESSAGE);
        assertThatCode(() -> SignatureVerifier.verify(pair.publicKey(), MESSAGE, signature))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SignatureVerifier.verify(pair.publicKey(), "hellO".getBytes(StandardCharsets.UTF_8),
                signature)).isInstanceOf(GeneralSecurityException.class);
        SigningKeyPair other = SigningKeyPair.generate(new SecureRandom());
        assertThatThrownBy(() -> SignatureVerifier.verify(other.publicKey(), MESSAGE, signature))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void rejectsWrongSignatureLengths() {
        byte[] signature = pair.sign(MESSAGE);
        for (int length : new int[] {0, 32, 63, 65, 128}) {
            byte[] resized = Arrays.copyOf(signature, length);
            assertThatThrownBy(() -> SignatureVerifier.verify(pair.publicKey(), MESSAGE, resized))
                    .isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void rejectsNonCanonicalS() {
        byte[] signature = pair.sign(MESSAGE);
        BigInteger s = littleEndian(Arrays.copyOfRange(signature, 32, 64));
        byte[] malleable = signature.clone();
        System.arraycopy(toLittleEndian(s.add(GROUP_ORDER)), 0, malleable, 32, 32);
        assertThatThrownBy(() -> SignatureVerifier.verify(pair.publicKey(), MESSAGE, malleable))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void rejectsSmallOrderPublicKeysEvenWithTheTrivialSignature() {
        String trivialSignature = "01" + "00".repeat(31) + "00".repeat(32);
        String[] smallOrder = {
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        };
        for (String key : smallOrder) {
            for (byte[] message : new byte[][] {new byte[0], MESSAGE}) {
                assertThatThrownBy(() -> SignatureVerifier.verify(new IdentityKey(HEX.parseHex(key)), message,
                        HEX.parseHex(trivialSignature))).as(key).isInstanceOf(GeneralSecurityException.class);
            }
        }
    }

    /**
     * The key is RFC 8032 TEST 1's public key plus a point of order 8, and the signature was made with TEST 1's
     * secret scalar so that the cofactorless equation [S]B = R + [k]A' holds (k happens to be a multiple of 8).
     * A verifier that does not insist on a prime-order public key would accept it.
     */
    @Test
    void rejectsMixedOrderPublicKey() {
        IdentityKey mixed = new IdentityKey(
                HEX.parseHex("3b5b475c4b82dd1572799fc546f4c6c03e478c6654aa4c7f945b347ea32af60d"));
        byte[] signature = HEX.parseHex("d0ec32eb06b909b28972433f0c129cf83a8c3cdbd5067a6cdc64d0258847226f"
                + "7d42730740ee4af1cb4a4d82ed007657dcde0460a43b0d3b8392c260941df60d");
        assertThatThrownBy(() -> SignatureVerifier.verify(mixed, "mixed-order key".getBytes(StandardCharsets.UTF_8),
                signature)).isInstanceOf(GeneralSecurityException.class).hasMessageContaining("public key");
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    private static byte[] toLittleEndian(BigInteger value) {
        byte[] out = new byte[32];
        byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < bigEndian.length && i < 32; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}

package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Database fields sealed under the identity-derived storage key. */
class StorageCipherTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CONTEXT = "messages.text\0row".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TEXT = "Сәлем".getBytes(StandardCharsets.UTF_8);

    /** Expected bytes computed by Python (hmac/hashlib HKDF, cryptography's ChaCha20Poly1305) from PROTOCOL §6.3. */
    @Test
    void matchesAnIndependentComputation() throws Exception {
        byte[] context = new byte[14 + 32];
        System.arraycopy("messages.text\0".getBytes(StandardCharsets.UTF_8), 0, context, 0, 14);
        Arrays.fill(context, 14, context.length, (byte) 0x01);
        byte[] nonce = new byte[12];
        Arrays.fill(nonce, (byte) 0x07);
        byte[] identity = new byte[32];
        Arrays.fill(identity, (byte) 0x11);
        StorageCipher cipher = StorageCipher.of(AgreementKeyPair.fromPrivateKey(identity), new ScriptedRandom(nonce));
        byte[] sealed = cipher.seal(context, TEXT);
        assertThat(HexFormat.of().formatHex(sealed)).isEqualTo(
                "01070707070707070707070707337672c166c60fd9d22f559fabd0965b463b7084663b801439b8");
        assertThat(cipher.open(context, sealed)).isEqualTo(TEXT);
    }

    @Test
    void opensOnlyForTheSameIdentityAndContextAndUntouchedBytes() throws Exception {
        AgreementKeyPair identity = AgreementKeyPair.generate(RANDOM);
        StorageCipher cipher = StorageCipher.of(identity, RANDOM);
        byte[] sealed = cipher.seal(CONTEXT, TEXT);
        assertThat(sealed).hasSize(TEXT.length + StorageCipher.OVERHEAD);
        assertThat(cipher.seal(CONTEXT, TEXT)).as("random nonces").isNotEqualTo(sealed);
        assertThat(StorageCipher.of(AgreementKeyPair.fromPrivateKey(identity.exportPrivateKey()), RANDOM)
                .open(CONTEXT, sealed)).isEqualTo(TEXT);

        StorageCipher other = StorageCipher.of(AgreementKeyPair.generate(RANDOM), RANDOM);
        assertThatThrownBy(() -> other.open(CONTEXT, sealed)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> cipher.open("messages.text\0other".getBytes(StandardCharsets.UTF_8), sealed))
                .isInstanceOf(GeneralSecurityException.class);
        for (int i = 0; i < sealed.length; i++) {
            byte[] bad = sealed.clone();
            bad[i] ^= 1;
            assertThatThrownBy(() -> cipher.open(CONTEXT, bad)).isInstanceOf(GeneralSecurityException.class);
        }
        for (int length = 0; length < StorageCipher.OVERHEAD; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertThatThrownBy(() -> cipher.open(CONTEXT, truncated)).isInstanceOf(GeneralSecurityException.class);
        }
        assertThat(cipher.toString()).doesNotContain(HexFormat.of().formatHex(identity.exportPrivateKey()));
    }
}

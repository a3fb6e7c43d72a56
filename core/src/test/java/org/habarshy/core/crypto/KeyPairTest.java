package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Construction, export and secrecy of {@link SigningKeyPair} and {@link AgreementKeyPair}. */
class KeyPairTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void signingSeedMustBe32Bytes() {
        for (int length : new int[] {0, 31, 33, 64}) {
            assertThatThrownBy(() -> SigningKeyPair.fromSeed(new byte[length]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void signingSeedRoundTripsAndIsCopied() {
        SigningKeyPair pair = SigningKeyPair.generate(RANDOM);
        byte[] seed = pair.exportSeed();
        assertThat(seed).hasSize(32);
        SigningKeyPair restored = SigningKeyPair.fromSeed(seed);
        assertThat(restored.publicKey()).isEqualTo(pair.publicKey());
        assertThat(restored.sign(new byte[] {1, 2, 3})).isEqualTo(pair.sign(new byte[] {1, 2, 3}));
        seed[0] ^= 1;
        assertThat(pair.exportSeed()).isNotEqualTo(seed);
        assertThat(SigningKeyPair.fromSeed(seed).publicKey()).isNotEqualTo(pair.publicKey());
    }

    @Test
    void signingToStringShowsNoSecret() {
        SigningKeyPair pair = SigningKeyPair.generate(RANDOM);
        String text = pair.toString();
        String seedHex = HEX.formatHex(pair.exportSeed());
        assertThat(text).doesNotContain(seedHex.substring(0, 8)).doesNotContain(seedHex.substring(24, 32));
    }

    @Test
    void generatedKeysDiffer() {
        assertThat(SigningKeyPair.generate(RANDOM).publicKey()).isNotEqualTo(SigningKeyPair.generate(RANDOM)
                .publicKey());
        assertThat(AgreementKeyPair.generate(RANDOM).publicKey())
                .isNotEqualTo(AgreementKeyPair.generate(RANDOM).publicKey());
    }

    @Test
    void agreementPrivateKeyRoundTripsAndIsCopied() throws Exception {
        AgreementKeyPair pair = AgreementKeyPair.generate(RANDOM);
        AgreementKeyPair peer = AgreementKeyPair.generate(RANDOM);
        byte[] exported = pair.exportPrivateKey();
        AgreementKeyPair restored = AgreementKeyPair.fromPrivateKey(exported);
        assertThat(restored.publicKey()).isEqualTo(pair.publicKey());
        assertThat(restored.agree(peer.publicKey().bytes())).isEqualTo(peer.agree(pair.publicKey().bytes()));
        exported[5] ^= 1;
        assertThat(pair.exportPrivateKey()).isNotEqualTo(exported);
    }

    @Test
    void agreementToStringShowsNoSecret() {
        AgreementKeyPair pair = AgreementKeyPair.generate(RANDOM);
        String privateHex = HEX.formatHex(pair.exportPrivateKey());
        assertThat(pair.toString()).doesNotContain(privateHex.substring(0, 8))
                .doesNotContain(privateHex.substring(24, 32));
    }

    @Test
    void destroyedKeyPairRefusesUse() {
        AgreementKeyPair pair = AgreementKeyPair.generate(RANDOM);
        byte[] peer = AgreementKeyPair.generate(RANDOM).publicKey().bytes();
        pair.destroy();
        assertThatThrownBy(() -> pair.agree(peer)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(pair::exportPrivateKey).isInstanceOf(IllegalStateException.class);
    }
}

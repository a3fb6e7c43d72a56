package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 7748 X25519 known-answer tests (sections 5.2 and 6.1) through {@link AgreementKeyPair}. */
class X25519KnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] x25519(String scalar, String u) throws GeneralSecurityException {
        return AgreementKeyPair.fromPrivateKey(HEX.parseHex(scalar)).agree(HEX.parseHex(u));
    }

    @Test
    void rfc7748Section52Vector1() throws Exception {
        assertThat(HEX.formatHex(x25519(
                "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c")))
                .isEqualTo("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
    }

    @Test
    void rfc7748Section52Vector2() throws Exception {
        assertThat(HEX.formatHex(x25519(
                "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
                "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493")))
                .isEqualTo("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
    }

    @Test
    void rfc7748Section52IteratedOneAndThousandTimes() throws Exception {
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = k.clone();
        for (int i = 1; i <= 1000; i++) {
            byte[] next = AgreementKeyPair.fromPrivateKey(k).agree(u);
            u = k;
            k = next;
            if (i == 1) {
                assertThat(HEX.formatHex(k))
                        .isEqualTo("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
            }
        }
        assertThat(HEX.formatHex(k)).isEqualTo("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
    }

    @Test
    void rfc7748Section61DiffieHellman() throws Exception {
        AgreementKeyPair alice = AgreementKeyPair.fromPrivateKey(
                HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        AgreementKeyPair bob = AgreementKeyPair.fromPrivateKey(
                HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertThat(alice.publicKey().hex())
                .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(bob.publicKey().hex())
                .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertThat(HEX.formatHex(alice.agree(bob.publicKey().bytes()))).isEqualTo(shared);
        assertThat(HEX.formatHex(bob.agree(alice.publicKey().bytes()))).isEqualTo(shared);
    }

    @Test
    void lowOrderPublicKeysAreRejected() {
        AgreementKeyPair alice = AgreementKeyPair.fromPrivateKey(
                HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        String[] lowOrder = {
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        };
        for (String point : lowOrder) {
            assertThatThrownBy(() -> alice.agree(HEX.parseHex(point)))
                    .as(point).isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void wrongLengthsAreRejected() {
        assertThatThrownBy(() -> AgreementKeyPair.fromPrivateKey(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
        AgreementKeyPair pair = AgreementKeyPair.fromPrivateKey(new byte[32]);
        assertThatThrownBy(() -> pair.agree(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }
}

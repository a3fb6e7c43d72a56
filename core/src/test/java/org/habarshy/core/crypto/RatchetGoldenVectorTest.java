package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Messages of a fixed Double Ratchet exchange, generated independently by
 * {@code src/test/resources/crypto/golden_ratchet_v1.py} (Python hmac/hashlib and the cryptography package)
 * from docs/PROTOCOL.md §3.2: Alice starts a session, Bob accepts it from her second message, decrypts the first
 * one late, replies, and Alice answers after a ratchet step.
 */
class RatchetGoldenVectorTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String M1 = "01015a5a5a5a5a5a5a5a7b0d47d93427f8311160781c7c733fd89f88970aef490d8aa0ee19a4cb8a1b1"
            + "40000000000000000eb6bfc42e864d5764836394d4de2a5666fd0c921d9c6dd";
    private static final String M2 = "01015a5a5a5a5a5a5a5a7b0d47d93427f8311160781c7c733fd89f88970aef490d8aa0ee19a4cb8a1b1"
            + "40000000000000001bc053c56d04dbd852cf35b37d7d80feeefdb2ba143ef65";
    private static final String R1 = "01005a5a5a5a5a5a5a5a38ab664bd86f77d7e66bdd9ae0792913a94fd8b33a1260027e4b46c1f4884c6"
            + "70000000000000000d2d8e6d46379dc9316837b9501687726d6fcc8e939d999";
    private static final String M3 = "01005a5a5a5a5a5a5a5aff2ee45601ec1b67310c7790404585ae697331eee1c1f8cf2419731c1fff3e6"
            + "b00000002000000007ac9559c552cfa19ee412b9d1b724312e17a5b59845e23";
    private static final long NOW = 1_700_000_000_000L;

    @Test
    void javaProducesAndAcceptsTheIndependentlyGeneratedMessages() throws Exception {
        AgreementKeyPair aliceId = AgreementKeyPair.fromPrivateKey(fill(0x11, 32));
        AgreementKeyPair bobId = AgreementKeyPair.fromPrivateKey(fill(0x22, 32));
        RatchetSession alice = RatchetSession.start(aliceId, bobId.publicKey(),
                new ScriptedRandom(fill(0x5A, 8), fill(0x33, 32), fill(0x44, 32)));
        byte[] m1 = alice.encrypt(utf8("hello 1"));
        byte[] m2 = alice.encrypt(utf8("hello 2"));
        assertThat(HEX.formatHex(m1)).isEqualTo(M1);
        assertThat(HEX.formatHex(m2)).isEqualTo(M2);

        RatchetSession.Accepted accepted = RatchetSession.accept(bobId, aliceId.publicKey(), HEX.parseHex(M2), NOW,
                new ScriptedRandom(fill(0x55, 32), fill(0x66, 32)));
        RatchetSession bob = accepted.session();
        assertThat(accepted.plaintext()).isEqualTo(utf8("hello 2"));
        assertThat(bob.decrypt(HEX.parseHex(M1), NOW)).isEqualTo(utf8("hello 1"));
        byte[] r1 = bob.encrypt(utf8("reply 1"));
        assertThat(HEX.formatHex(r1)).isEqualTo(R1);

        assertThat(alice.decrypt(r1, NOW)).isEqualTo(utf8("reply 1"));
        byte[] m3 = alice.encrypt(utf8("hello 3"));
        assertThat(HEX.formatHex(m3)).isEqualTo(M3);
        assertThat(bob.decrypt(m3, NOW)).isEqualTo(utf8("hello 3"));
    }

    private static byte[] fill(int value, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Golden vector of the sender-key group message (docs/PROTOCOL.md §11.5), generated independently by
 * {@code src/test/resources/crypto/golden_group_v1.py} (Python hmac/hashlib and the {@code cryptography} package):
 * chain key 40..5f, signing seed 60..7f, group id 00..1f, epoch 3, created 2026-01-01T00:00Z, 7-day lifetime;
 * message 0, then message 2 after a skipped message 1.
 */
class SenderKeyGoldenVectorTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String SIGNING_PUBLIC = "174553b456dddfc6908ecab1c101fe6ab21e2baa0617795b7d43a63482993fd5";
    private static final String TAG = "e7cd53b650530260c1b700380d67ed49";
    private static final String MESSAGE_0 = "01040000019b76daa8000000019b9ae72c00e7cd53b650530260c1b700380d67ed49"
            + "000000005a07c2cdc338e981bc1a496f7cd81fdd08daa551b7e6bf4f81bc7b2a99441b11a5f8c80f75dab1498b85da89cdf6"
            + "c0827f9cb33609f52c35afea486bafd8416b6d5dcc80f7df9e1f593433f5a6ed60055e13c637f39f7fb19b1690080191b4c9"
            + "eff6435671e88918b42f043d10b70ca567f5ae080fba05bba869b4ca813b4df2b7278bd002491a46bf0ac1bd452e865cb4ac"
            + "9625302e90e379cc02efd8134aa75d304f117478aab6177943096e2429d010c451f2f6a1530c02cf5dd49d726be3115d5255"
            + "19dc562d2039c51448626002";
    private static final String MESSAGE_2 = "01040000019b76daa8000000019b9ae72c00e7cd53b650530260c1b700380d67ed49"
            + "0000000200b9aa593b9d18aa844d43b9699c11243ce0d9c74438d01762af674b534aa16d3e61b1e9380cb0ea499e63f3fcde"
            + "21ce0e5383f60a9f4f0f63146aded38f5d4adf36a2999c6e90e5b85f9212da0ecc2ae8e79d144db009923aad82e0a7c93622"
            + "33385f4cc5e261217580434060a35c48a254054d1782217047bf5916599b249e24ddfb7168b699b86589961fadae22519b71"
            + "5e8234262a138a619c9ba50d5ce4dc7fb5f2247d4ddc3a25698e8131018432d1d67fcf282ab3009f39a05f52e95ce1986857"
            + "a52c33f9b7a4c341895176010d57caef0a075565f070dc8a990e1b2825514a1fb830a6a403b5c2cf2debb5fbb7bb692bb76f"
            + "881fd48e47340525a8a0323dba4860d2c597bddeccd42bc34d03";
    private static final long CREATED = 1_767_225_600_000L;
    private static final long EXPIRES = CREATED + 7L * 24 * 3600 * 1000;

    @Test
    void senderKeyMessagesMatchTheIndependentGenerator() throws Exception {
        byte[] chainKey = range(0x40);
        SigningKeyPair signing = SigningKeyPair.fromSeed(range(0x60));
        assertThat(signing.publicKey().hex()).isEqualTo(SIGNING_PUBLIC);
        byte[] tag = SenderKeyChain.chainTag(range(0x00), 3, signing.publicKey());
        assertThat(HEX.formatHex(tag)).isEqualTo(TAG);

        SenderKeyChain sender = SenderKeyChain.owned(chainKey, 0, signing);
        byte[] first = "Сәлем, көршілер!".getBytes(StandardCharsets.UTF_8);
        byte[] third = new byte[130];
        Arrays.fill(third, (byte) 'x');
        assertThat(HEX.formatHex(sender.encrypt(tag, CREATED, EXPIRES, first))).isEqualTo(MESSAGE_0);
        sender.encrypt(tag, CREATED, EXPIRES, new byte[] {1});
        assertThat(HEX.formatHex(sender.encrypt(tag, CREATED, EXPIRES, third))).isEqualTo(MESSAGE_2);

        SenderKeyChain receiver = SenderKeyChain.fromDistribution(chainKey, 0, signing.publicKey());
        assertThat(receiver.decrypt(HEX.parseHex(MESSAGE_2), CREATED)).isEqualTo(third);
        assertThat(receiver.decrypt(HEX.parseHex(MESSAGE_0), CREATED)).isEqualTo(first);
        assertThat(receiver.skippedCount()).isEqualTo(1);
    }

    private static byte[] range(int from) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = (byte) (from + i);
        }
        return out;
    }
}

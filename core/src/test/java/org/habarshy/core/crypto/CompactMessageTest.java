package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.identity.AgreementKey;
import org.junit.jupiter.api.Test;

/**
 * Compact sealed message v1: a frozen golden vector generated independently with Python {@code cryptography}
 * ({@code src/test/resources/crypto/golden_compact_v1.py}), round trips, and every tampering refused.
 */
class CompactMessageTest {
    private static final long CREATED_AT = 1_767_225_600_000L;
    private static final String GOLDEN = "c101c16dc0a8a0a1a2a3a4a5a6a7defc3ae1fa883fa7f8a8c571e34514c373db0a"
            + "0adda58b6d3c0894956df09bf6b705ae5a9d881227f2fe6cf12a74b5bf30d59f7da071014b3a";
    private static final byte[] PLAINTEXT = "Habarshy compact vector v1: сәлем!".getBytes(StandardCharsets.UTF_8);

    private final AgreementKeyPair sender = AgreementKeyPair.fromPrivateKey(counting(0x20, 32));
    private final AgreementKeyPair recipient = AgreementKeyPair.fromPrivateKey(counting(0x40, 32));
    private final AgreementKeyPair stranger = AgreementKeyPair.generate(new SecureRandom());

    private static byte[] counting(int first, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) (first + i);
        }
        return out;
    }

    @Test
    void sealingWithTheFixedSaltReproducesTheIndependentVector() {
        byte[] sealed = new CompactSealer(sender, new SecureRandom()).seal(recipient.publicKey(), PLAINTEXT,
                CREATED_AT, 168, counting(0xA0, 8));
        assertThat(HexFormat.of().formatHex(sealed)).isEqualTo(GOLDEN);
    }

    @Test
    void theGoldenVectorOpensWithTimesAndSender() throws Exception {
        Optional<OpenedCompact> opened = new CompactOpener(recipient).open(HexFormat.of().parseHex(GOLDEN),
                List.of(stranger.publicKey(), sender.publicKey()));
        assertThat(opened).isPresent();
        assertThat(opened.get().sender()).isEqualTo(sender.publicKey());
        assertThat(opened.get().plaintext()).isEqualTo(PLAINTEXT);
        assertThat(opened.get().createdAt()).isEqualTo(CREATED_AT);
        assertThat(opened.get().expiresAt()).isEqualTo(CREATED_AT + 168 * 3_600_000L);
    }

    @Test
    void overheadIsThirtyTwoBytes() {
        byte[] sealed = new CompactSealer(sender, new SecureRandom()).seal(recipient.publicKey(), PLAINTEXT,
                CREATED_AT, 24);
        assertThat(sealed.length - PLAINTEXT.length).isEqualTo(CompactFormat.OVERHEAD_BYTES).isEqualTo(32);
    }

    @Test
    void everyFlippedBitIsRefused() throws Exception {
        byte[] golden = HexFormat.of().parseHex(GOLDEN);
        CompactOpener opener = new CompactOpener(recipient);
        for (int bit = 0; bit < golden.length * 8; bit++) {
            byte[] tampered = golden.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            Optional<OpenedCompact> opened;
            try {
                opened = opener.open(tampered, List.of(sender.publicKey()));
            } catch (MalformedEnvelopeException e) {
                continue; // version byte or zero lifetime: refused before any crypto
            }
            assertThat(opened).as("bit %d", bit).isEmpty();
        }
    }

    @Test
    void truncationIsRefused() throws Exception {
        byte[] golden = HexFormat.of().parseHex(GOLDEN);
        CompactOpener opener = new CompactOpener(recipient);
        for (int len = 0; len < golden.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(golden, len);
            if (len < CompactFormat.OVERHEAD_BYTES) {
                assertThatThrownBy(() -> opener.open(cut, List.of(sender.publicKey())))
                        .isInstanceOf(MalformedEnvelopeException.class);
            } else {
                assertThat(opener.open(cut, List.of(sender.publicKey()))).isEmpty();
            }
        }
    }

    @Test
    void aStrangerCannotOpenNorImpersonate() throws Exception {
        byte[] sealed = new CompactSealer(sender, new SecureRandom()).seal(recipient.publicKey(), PLAINTEXT,
                CREATED_AT, 24);
        assertThat(new CompactOpener(stranger).open(sealed, List.of(sender.publicKey()))).isEmpty();
        byte[] forged = new CompactSealer(stranger, new SecureRandom()).seal(recipient.publicKey(), PLAINTEXT,
                CREATED_AT, 24);
        assertThat(new CompactOpener(recipient).open(forged, List.of(sender.publicKey()))).isEmpty();
    }

    @Test
    void theReverseDirectionUsesAnotherKey() throws Exception {
        byte[] aToB = new CompactSealer(sender, new SecureRandom()).seal(recipient.publicKey(), PLAINTEXT,
                CREATED_AT, 24, counting(0, 8));
        byte[] bToA = new CompactSealer(recipient, new SecureRandom()).seal(sender.publicKey(), PLAINTEXT,
                CREATED_AT, 24, counting(0, 8));
        assertThat(java.util.Arrays.copyOfRange(aToB, 14, aToB.length))
                .isNotEqualTo(java.util.Arrays.copyOfRange(bToA, 14, bToA.length));
    }

    @Test
    void saltsAreFreshForEveryMessage() {
        CompactSealer sealer = new CompactSealer(sender, new SecureRandom());
        Set<String> salts = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] sealed = sealer.seal(recipient.publicKey(), PLAINTEXT, CREATED_AT, 24);
            salts.add(HexFormat.of().formatHex(sealed, 6, 14));
        }
        assertThat(salts).hasSize(10_000);
    }

    @Test
    void badArgumentsAreRefused() {
        CompactSealer sealer = new CompactSealer(sender, new SecureRandom());
        AgreementKey r = recipient.publicKey();
        assertThatThrownBy(() -> sealer.seal(r, PLAINTEXT, CREATED_AT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.seal(r, PLAINTEXT, CREATED_AT, 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.seal(r, PLAINTEXT, -60_000, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.seal(r, new byte[CompactFormat.MAX_PLAINTEXT_BYTES + 1], CREATED_AT, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.seal(new AgreementKey(new byte[32]), PLAINTEXT, CREATED_AT, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oversizedMessagesAreRefusedBeforeCrypto() {
        byte[] big = new byte[CompactFormat.OVERHEAD_BYTES + CompactFormat.MAX_PLAINTEXT_BYTES + 1];
        big[0] = CompactFormat.VERSION;
        big[5] = 1;
        assertThatThrownBy(() -> new CompactOpener(recipient).open(big, List.of(sender.publicKey())))
                .isInstanceOf(MalformedEnvelopeException.class);
    }
}

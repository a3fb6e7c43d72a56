package org.habarshy.relay.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.CompactOpener;
import org.habarshy.core.crypto.CompactSealer;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.compact.CompactTextCodec;
import org.habarshy.core.compact.CompressionDictionaries;
import org.habarshy.relay.sms.codec.MalformedSmsException;
import org.habarshy.core.compact.SmsCharset;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.gateway.modem.SmsPdu;
import org.habarshy.relay.sms.segment.SmsSegment;
import org.habarshy.core.testing.SmsCorpus;
import org.junit.jupiter.api.Test;

/**
 * Every decoder that sees SMS input, fed many mutations (bit flips, truncations, insertions, random bytes) of valid
 * inputs: each input either decodes or fails with the documented exception, and nothing decodes beyond its bound.
 * Deterministic (fixed seed); coverage-guided fuzzing of these decoders with Jazzer is not set up for the relay yet.
 */
class SmsDecodersRobustnessTest {
    private static final int MUTATIONS = 2000;
    private final Random random = new Random(20_260_105L);
    private final CompactTextCodec codec = new CompactTextCodec(new SmsCharset(), CompressionDictionaries.builtIn());

    private byte[] mutate(byte[] seed) {
        byte[] b = seed.clone();
        switch (random.nextInt(5)) {
            case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
            case 2 -> {
                byte[] extra = new byte[1 + random.nextInt(8)];
                random.nextBytes(extra);
                int at = random.nextInt(b.length + 1);
                byte[] out = new byte[b.length + extra.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(b, at, out, at + extra.length, b.length - at);
                b = out;
            }
            case 3 -> {
                for (int i = 0; i < 1 + random.nextInt(6); i++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            default -> {
                b = new byte[random.nextInt(200)];
                random.nextBytes(b);
                if (b.length > 0) {
                    b[0] = seed[0];
                }
            }
        }
        return b;
    }

    @Test
    void compactTextDecoding() {
        List<byte[]> seeds = new ArrayList<>();
        for (String language : SmsCorpus.LANGUAGES) {
            seeds.add(codec.encode(SmsCorpus.messages(language).get(0)));
        }
        seeds.add(codec.encode("Emoji 😀 and ₸"));
        seeds.add(new byte[] {0x00, 'o', 'k'});
        int decoded = 0;
        for (byte[] seed : seeds) {
            for (int i = 0; i < MUTATIONS; i++) {
                try {
                    String text = codec.decode(mutate(seed));
                    assertThat(text.length()).isLessThanOrEqualTo(CompactTextCodec.MAX_TEXT_BYTES);
                    decoded++;
                } catch (org.habarshy.core.compact.MalformedCompactTextException expected) {
                    // documented outcome
                }
            }
        }
        assertThat(decoded).as("some mutations still decode").isPositive();
    }

    @Test
    void segmentHeaders() {
        byte[][] seeds = {{5, 0, 3, 1, 2, 1, 9, 9}, {6, 8, 4, 0, 1, 3, 2, 7}, {1, 2, 3}};
        for (byte[] seed : seeds) {
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] b = mutate(seed);
                if (b.length == 0 || b.length > SmsSegment.MAX_USER_DATA) {
                    continue;
                }
                try {
                    SmsSegment.Part p = new SmsSegment(b, true).part();
                    assertThat(p.index()).isBetween(1, p.total());
                    assertThat(p.payload().length).isLessThan(b.length);
                } catch (MalformedSmsException expected) {
                    // documented outcome
                }
            }
        }
    }

    @Test
    void deliverPdus() throws Exception {
        byte[] seed = java.util.HexFormat.of().parseHex("07917707000000F0440B917710000000F1000462113251000000"
                + "0A050003070201C1C2C3C4");
        assertThat(SmsPdu.parseDeliver(seed).segment().part().reference()).isEqualTo(7);
        for (int i = 0; i < MUTATIONS * 3; i++) {
            try {
                SmsPdu.Deliver d = SmsPdu.parseDeliver(mutate(seed));
                assertThat(d.from()).isInstanceOf(PhoneNumber.class);
            } catch (MalformedSmsException expected) {
                // documented outcome
            }
        }
    }

    @Test
    void resendRequests() {
        byte[] seed = SmsFrames.resendRequest(3, 4, List.of(2, 4));
        for (int i = 0; i < MUTATIONS; i++) {
            try {
                SmsFrames.ResendRequest r = SmsFrames.parseResendRequest(mutate(seed));
                assertThat(r.missing()).allSatisfy(m -> assertThat(m).isBetween(1, r.total()));
            } catch (MalformedSmsException expected) {
                // documented outcome
            }
        }
    }

    @Test
    void compactMessagesNeverOpenWhenAltered() throws Exception {
        SecureRandom keys = new SecureRandom();
        AgreementKeyPair alice = AgreementKeyPair.generate(keys);
        AgreementKeyPair bob = AgreementKeyPair.generate(keys);
        byte[] seed = new CompactSealer(alice, keys).seal(bob.publicKey(),
                "Сәлем".getBytes(StandardCharsets.UTF_8), System.currentTimeMillis(), 24);
        CompactOpener opener = new CompactOpener(bob);
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] m = mutate(seed);
            try {
                if (opener.open(m, List.of(alice.publicKey())).isPresent()) {
                    assertThat(m).isEqualTo(seed);
                }
            } catch (MalformedEnvelopeException expected) {
                // documented outcome
            }
        }
    }
}

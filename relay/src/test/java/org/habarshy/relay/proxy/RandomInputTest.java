package org.habarshy.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.mailbox.MailboxFormat;
import org.habarshy.relay.mailbox.Mailbox;
import org.habarshy.relay.mailbox.MailboxPolicy;
import org.habarshy.relay.status.RelayCounters;
import org.junit.jupiter.api.Test;

/**
 * Peer input that reaches the relay's own decoders — public documents, proxy lists, mailbox requests — as random
 * bytes and as random mutations of valid inputs (fixed seed, so a failure reproduces). They may only refuse with
 * their checked exception; the mailbox may only ignore or count.
 */
class RandomInputTest {
    private static final int CASES = 3_000;
    private final Random random = new Random(20_260_123L);
    private final SigningKeyPair signer = SigningKeyPair.generate(new SecureRandom());

    private byte[] mutate(byte[] valid) {
        byte[] b = valid.clone();
        switch (random.nextInt(4)) {
            case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case 2 -> {
                b = Arrays.copyOf(b, b.length + 1 + random.nextInt(64));
                random.nextBytes(b);
                System.arraycopy(valid, 0, b, 0, Math.min(valid.length, 60));
            }
            default -> {
                int at = random.nextInt(b.length);
                b[at] = (byte) random.nextInt(256);
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
        }
        return b;
    }

    private byte[] randomBytes() {
        byte[] b = new byte[random.nextInt(600)];
        random.nextBytes(b);
        if (b.length > 1 && random.nextBoolean()) {
            b[0] = 1;
            b[1] = (byte) PublicDocumentFormat.KIND;
        }
        return b;
    }

    @Test
    void publicDocumentsAndProxyListsOnlyRefuseBadInput() {
        List<ProxyEndpoint> proxies = List.of(ProxyEndpoint.parse("socks5://10.0.0.1:1080"),
                ProxyEndpoint.parse("http://proxy.example.kz:3128"));
        byte[] valid = ProxyListFixtures.list(signer, System.currentTimeMillis(), Duration.ofDays(1), proxies);
        byte[] body = ProxyListCodec.encode(proxies);
        TrustedProxyLists lists = new TrustedProxyLists(Set.of(signer.publicKey()), Clock.systemUTC());
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = i % 2 == 0 ? mutate(valid) : randomBytes();
            try {
                PublicDocumentFormat.open(input);
                lists.accept(input);
                accepted++;
            } catch (InvalidDocumentException expected) {
                // refused with a reason
            }
            try {
                ProxyListCodec.decode(i % 2 == 0 ? mutate(body) : randomBytes());
            } catch (InvalidDocumentException expected) {
                // refused with a reason
            }
        }
        assertThat(accepted).as("no mutation of a signed list verifies").isZero();
    }

    @Test
    void theMailboxIgnoresOrCountsAnyInput() {
        SecureRandom secure = new SecureRandom();
        AgreementKeyPair relayKey = AgreementKeyPair.generate(secure);
        List<byte[]> handedOver = new ArrayList<>();
        Mailbox mailbox = new Mailbox(relayKey, new MailboxPolicy(10, 10_000, Duration.ofHours(1)), Clock.systemUTC(),
                handedOver::add, new RelayCounters());
        long now = System.currentTimeMillis();
        byte[] register = MailboxFormat.register(signer, relayKey.publicKey(), 5_000, now, now + 60_000, secure);
        byte[] pickup = MailboxFormat.pickup(signer, relayKey.publicKey(), now, now + 60_000, secure);
        for (int i = 0; i < CASES / 3; i++) {
            mailbox.offer(mutate(i % 2 == 0 ? register : pickup));
            mailbox.offer(randomBytes());
        }
        assertThat(mailbox.users()).as("no mutated registration opens").isZero();
        assertThat(handedOver).isEmpty();
    }
}

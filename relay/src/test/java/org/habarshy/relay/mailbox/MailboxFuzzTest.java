package org.habarshy.relay.mailbox;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.mailbox.MailboxFormat;
import org.habarshy.core.testing.DeterministicRandom;
import org.habarshy.core.testing.SeedCorpus;
import org.habarshy.relay.status.RelayCounters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the relay's mailbox, which trial-opens every envelope it carries: {@link #offer} hands it raw bytes as a
 * carried envelope; {@link #offerSealed} seals each input as the content of an envelope from a user whose mailbox is
 * registered, so that it reaches the request decoder ({@code MailboxFormat}: register, deposit, pickup) behind the
 * encryption and signature. {@link Mailbox#offer} documents no failure at all: it must never throw, and it may hand
 * over only envelopes that were held (parsable, within the quota).
 */
@Tag("jazzer")
class MailboxFuzzTest {
    private static final long NOW = 1_767_225_600_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    private static final AgreementKeyPair RELAY = AgreementKeyPair.generate(new DeterministicRandom("fuzz relay"));
    private static final SigningKeyPair USER = SigningKeyPair.generate(new DeterministicRandom("fuzz mailbox user"));
    private static final long QUOTA = 4_096;
    /** Sealing costs more than a fuzz run should repeat: the registration and pickup are made once. */
    private static final byte[] REGISTRATION = MailboxFormat.register(USER, RELAY.publicKey(), QUOTA, NOW - 1_000,
            NOW + Duration.ofDays(7).toMillis(), new DeterministicRandom("fuzz registration"));
    private static final byte[] PICKUP = MailboxFormat.pickup(USER, RELAY.publicKey(), NOW, NOW + 60_000,
            new DeterministicRandom("fuzz pickup"));

    /** A mailbox with the user registered, and the envelopes it hands over. */
    private static final class Harness {
        final List<byte[]> carried = new ArrayList<>();
        final Mailbox mailbox = new Mailbox(RELAY, new MailboxPolicy(4, QUOTA, Duration.ofHours(1)), CLOCK,
                envelope -> {
                    EnvelopeFormat.parseHeader(envelope);
                    carried.add(envelope.clone());
                    return true;
                }, new RelayCounters());

        Harness() {
            mailbox.offer(REGISTRATION);
        }

        void check() {
            long bytes = carried.stream().mapToLong(e -> e.length).sum();
            if (bytes > QUOTA) {
                throw new AssertionError("handed over " + bytes + " bytes, more than the quota");
            }
        }
    }

    @FuzzTest
    void offer(byte[] envelope) {
        Harness h = new Harness();
        h.mailbox.offer(envelope);
        h.check();
    }

    @FuzzTest
    void offerSealed(byte[] content) {
        if (content.length > EnvelopeFormat.MAX_CONTENT_BYTES) {
            return;
        }
        Harness h = new Harness();
        h.mailbox.offer(sealed(content));
        h.mailbox.offer(PICKUP);
        h.check();
        for (byte[] envelope : h.carried) {
            try {
                EnvelopeFormat.parseHeader(envelope);
            } catch (MalformedEnvelopeException e) {
                throw new AssertionError("handed over an envelope that does not parse", e);
            }
        }
    }

    /** Returns {@code content} sealed by the registered user to the relay's mailbox key. */
    private static byte[] sealed(byte[] content) {
        DeterministicRandom random = new DeterministicRandom("fuzz sealed request");
        return new EnvelopeSealer(USER, AgreementKeyPair.generate(random), random).seal(RELAY.publicKey(), content,
                NOW - 1_000, NOW + Duration.ofDays(1).toMillis());
    }

    @Test
    void seedCorporaMatchTheirRecipes() throws Exception {
        SeedCorpus.check(MailboxFuzzTest.class, "offerSealed", contentSeeds());
        Map<String, byte[]> envelopes = new LinkedHashMap<>();
        contentSeeds().forEach((name, content) -> envelopes.put("sealed-" + name, sealed(content)));
        envelopes.put("too-short", new byte[10]);
        SeedCorpus.check(MailboxFuzzTest.class, "offer", envelopes);
    }

    @Test
    void aValidDepositSeedIsHeldAndHandedOver() {
        Harness h = new Harness();
        h.mailbox.offer(sealed(contentSeeds().get("deposit-valid")));
        h.mailbox.offer(PICKUP);
        if (h.carried.size() != 1) {
            throw new AssertionError("the valid deposit seed was not handed over");
        }
    }

    /** Request contents: each type well formed, then damaged. */
    static Map<String, byte[]> contentSeeds() {
        byte[] magic = {'H', 'B', 'M', 'B'};
        byte[] inner = new EnvelopeSealer(SigningKeyPair.generate(new DeterministicRandom("fuzz depositor")),
                AgreementKeyPair.generate(new DeterministicRandom("fuzz depositor x")),
                new DeterministicRandom("fuzz inner")).seal(AgreementKeyPair.generate(
                new DeterministicRandom("fuzz owner")).publicKey(), new byte[] {1, 2, 3}, NOW - 1_000,
                NOW + Duration.ofDays(1).toMillis());
        byte[] id = MailboxFormat.idOf(USER.publicKey()).bytes();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("register", ByteBuffer.allocate(9).put(magic).put((byte) 1).putInt(2_000).array());
        seeds.put("register-quota-zero", ByteBuffer.allocate(9).put(magic).put((byte) 1).putInt(0).array());
        seeds.put("register-short", ByteBuffer.allocate(7).put(magic).put((byte) 1).array());
        seeds.put("deposit-valid", ByteBuffer.allocate(21 + inner.length).put(magic).put((byte) 2).put(id)
                .put(inner).array());
        seeds.put("deposit-unknown-mailbox", ByteBuffer.allocate(21 + inner.length).put(magic).put((byte) 2)
                .put(new byte[16]).put(inner).array());
        seeds.put("deposit-inner-truncated", ByteBuffer.allocate(21 + 100).put(magic).put((byte) 2).put(id)
                .put(inner, 0, 100).array());
        byte[] garbage = new byte[300];
        garbage[0] = 7;
        seeds.put("deposit-inner-garbage", ByteBuffer.allocate(21 + 300).put(magic).put((byte) 2).put(id)
                .put(garbage).array());
        seeds.put("pickup", ByteBuffer.allocate(5).put(magic).put((byte) 3).array());
        seeds.put("pickup-trailing", ByteBuffer.allocate(6).put(magic).put((byte) 3).array());
        seeds.put("unknown-type", ByteBuffer.allocate(5).put(magic).put((byte) 9).array());
        seeds.put("no-magic", new byte[] {1, 2, 3, 4, 5});
        seeds.put("empty", new byte[0]);
        return seeds;
    }
}

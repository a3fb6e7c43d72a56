package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.api.identity.AgreementKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Double Ratchet: delivery in and out of order, loss, replays, bounds, tampering and saved state. */
class RatchetSessionTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long NOW = 1_700_000_000_000L;

    private AgreementKeyPair aliceId;
    private AgreementKeyPair bobId;
    private RatchetSession alice;

    @BeforeEach
    void setUp() throws Exception {
        aliceId = AgreementKeyPair.generate(RANDOM);
        bobId = AgreementKeyPair.generate(RANDOM);
        alice = RatchetSession.start(aliceId, bobId.publicKey(), RANDOM);
    }

    @Test
    void conversationInOrderRatchetsBothWaysAndClearsTheStartFlag() throws Exception {
        byte[] first = alice.encrypt(text("salem"));
        assertThat(RatchetHeader.parse(first).start()).isTrue();
        RatchetSession bob = accept(first, "salem");
        assertThat(alice.hasReceived()).isFalse();
        AgreementKey lastAliceKey = RatchetHeader.parse(first).ratchetKey();
        for (int round = 0; round < 5; round++) {
            byte[] reply = bob.encrypt(text("reply " + round));
            assertThat(RatchetHeader.parse(reply).start()).isFalse();
            assertThat(alice.decrypt(reply, NOW)).isEqualTo(text("reply " + round));
            byte[] next = alice.encrypt(text("next " + round));
            RatchetHeader header = RatchetHeader.parse(next);
            assertThat(header.start()).isFalse();
            assertThat(header.ratchetKey()).as("a new ratchet key each turn").isNotEqualTo(lastAliceKey);
            lastAliceKey = header.ratchetKey();
            assertThat(bob.decrypt(next, NOW)).isEqualTo(text("next " + round));
        }
        assertThat(alice.skippedKeys()).isZero();
        assertThat(bob.skippedKeys()).isZero();
    }

    @Test
    void outOfOrderAcrossChainsDecryptsEverythingExactlyOnce() throws Exception {
        List<byte[]> fromAlice = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fromAlice.add(alice.encrypt(text("a" + i)));
        }
        RatchetSession bob = accept(fromAlice.get(3), "a3");
        byte[] bobReply = bob.encrypt(text("b0"));
        assertThat(alice.decrypt(bobReply, NOW)).isEqualTo(text("b0"));
        byte[] secondChain = alice.encrypt(text("a4"));
        assertThat(bob.decrypt(secondChain, NOW)).isEqualTo(text("a4"));
        assertThat(bob.skippedKeys()).isEqualTo(3);
        assertThat(bob.decrypt(fromAlice.get(1), NOW)).isEqualTo(text("a1"));
        assertThat(bob.decrypt(fromAlice.get(0), NOW)).isEqualTo(text("a0"));
        assertThat(bob.decrypt(fromAlice.get(2), NOW)).isEqualTo(text("a2"));
        assertThat(bob.skippedKeys()).isZero();
    }

    @Test
    void lostMessagesDoNotStopTheConversation() throws Exception {
        byte[] delivered = alice.encrypt(text("one"));
        RatchetSession bob = accept(delivered, "one");
        alice.encrypt(text("lost"));
        bob.encrypt(text("lost reply"));
        byte[] reply = bob.encrypt(text("reply"));
        assertThat(alice.decrypt(reply, NOW)).isEqualTo(text("reply"));
        alice.encrypt(text("lost again"));
        byte[] later = alice.encrypt(text("later"));
        assertThat(bob.decrypt(later, NOW)).isEqualTo(text("later"));
        assertThat(bob.skippedKeys()).as("the lost messages' keys").isEqualTo(2);
    }

    @Test
    void aReplayIsRefusedAndChangesNothing() throws Exception {
        byte[] first = alice.encrypt(text("one"));
        RatchetSession bob = accept(first, "one");
        byte[] second = alice.encrypt(text("two"));
        bob.decrypt(second, NOW);
        byte[] saved = bob.serialize();
        for (byte[] replayed : List.of(first, second)) {
            assertThatThrownBy(() -> bob.decrypt(replayed, NOW)).isInstanceOfSatisfying(RatchetException.class,
                    e -> assertThat(e.reason()).isEqualTo(RatchetException.Reason.REPLAYED_OR_EXPIRED));
        }
        assertThat(bob.serialize()).isEqualTo(saved);
    }

    @Test
    void aSkippedKeyIsUsedOnceOnly() throws Exception {
        byte[] first = alice.encrypt(text("one"));
        byte[] second = alice.encrypt(text("two"));
        RatchetSession bob = accept(second, "two");
        assertThat(bob.decrypt(first, NOW)).isEqualTo(text("one"));
        assertThatThrownBy(() -> bob.decrypt(first, NOW)).isInstanceOfSatisfying(RatchetException.class,
                e -> assertThat(e.reason()).isEqualTo(RatchetException.Reason.REPLAYED_OR_EXPIRED));
    }

    @Test
    void skippingMoreThanTheBoundIsRefusedWithAClearError() throws Exception {
        byte[] first = alice.encrypt(text("first"));
        RatchetSession bob = accept(first, "first");
        for (int i = 0; i < RatchetSession.MAX_SKIP + 1; i++) {
            alice.encrypt(text("skipped"));
        }
        byte[] tooFar = alice.encrypt(text("too far"));
        byte[] saved = bob.serialize();
        assertThatThrownBy(() -> bob.decrypt(tooFar, NOW)).isInstanceOfSatisfying(RatchetException.class, e -> {
            assertThat(e.reason()).isEqualTo(RatchetException.Reason.TOO_MANY_SKIPPED);
            assertThat(e).hasMessageContaining("at most 1000");
        });
        assertThat(bob.serialize()).isEqualTo(saved);
    }

    @Test
    void exactlyTheBoundIsAccepted() throws Exception {
        byte[] first = alice.encrypt(text("first"));
        RatchetSession bob = accept(first, "first");
        for (int i = 0; i < RatchetSession.MAX_SKIP; i++) {
            alice.encrypt(text("skipped"));
        }
        assertThat(bob.decrypt(alice.encrypt(text("edge")), NOW)).isEqualTo(text("edge"));
        assertThat(bob.skippedKeys()).isEqualTo(RatchetSession.MAX_SKIP);
    }

    @Test
    void storedSkippedKeysAreBoundedByDroppingTheOldest() throws Exception {
        byte[] oldest = alice.encrypt(text("oldest"));
        List<byte[]> firstChain = new ArrayList<>();
        for (int i = 0; i < 999; i++) {
            firstChain.add(alice.encrypt(text("x")));
        }
        RatchetSession bob = accept(alice.encrypt(text("chain 1 end")), "chain 1 end");
        assertThat(bob.skippedKeys()).isEqualTo(1000);
        for (int chain = 2; chain <= 3; chain++) {
            alice.decrypt(bob.encrypt(text("turn")), NOW);
            for (int i = 0; i < 999; i++) {
                alice.encrypt(text("x"));
            }
            bob.decrypt(alice.encrypt(text("end")), NOW);
        }
        assertThat(bob.skippedKeys()).isEqualTo(SkippedMessageKeys.MAX_STORED);
        assertThatThrownBy(() -> bob.decrypt(oldest, NOW)).isInstanceOfSatisfying(RatchetException.class,
                e -> assertThat(e.reason()).isIn(RatchetException.Reason.REPLAYED_OR_EXPIRED,
                        RatchetException.Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void skippedKeysExpire() throws Exception {
        byte[] late = alice.encrypt(text("late"));
        RatchetSession bob = accept(alice.encrypt(text("on time")), "on time");
        long afterLifetime = NOW + SkippedMessageKeys.LIFETIME_MILLIS + 1;
        assertThatThrownBy(() -> bob.decrypt(late, afterLifetime)).isInstanceOfSatisfying(RatchetException.class,
                e -> assertThat(e.reason()).isEqualTo(RatchetException.Reason.REPLAYED_OR_EXPIRED));
        assertThat(bob.decrypt(late, NOW + 1000)).isEqualTo(text("late"));
    }

    @Test
    void everyFlippedBitIsRefusedAndTheGenuineMessageStillDecrypts() throws Exception {
        byte[] first = alice.encrypt(text("first"));
        RatchetSession bob = accept(first, "first");
        byte[] message = alice.encrypt(text("tamper me"));
        byte[] saved = bob.serialize();
        for (int bit = 0; bit < message.length * 8; bit++) {
            byte[] bad = message.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> bob.decrypt(bad, NOW)).isInstanceOf(RatchetException.class);
        }
        assertThat(bob.serialize()).isEqualTo(saved);
        assertThat(bob.decrypt(message, NOW)).isEqualTo(text("tamper me"));
    }

    @Test
    void malformedMessagesAreRefusedBeforeAnyCrypto() throws Exception {
        RatchetSession bob = accept(alice.encrypt(text("first")), "first");
        byte[] good = alice.encrypt(text("x"));
        for (int length = 0; length < RatchetHeader.MIN_MESSAGE_BYTES; length++) {
            byte[] truncated = java.util.Arrays.copyOf(good, length);
            assertThatThrownBy(() -> bob.decrypt(truncated, NOW)).isInstanceOfSatisfying(RatchetException.class,
                    e -> assertThat(e.reason()).isEqualTo(RatchetException.Reason.MALFORMED));
        }
        byte[] tooLong = new byte[RatchetSession.MAX_MESSAGE_BYTES + 1];
        System.arraycopy(good, 0, tooLong, 0, good.length);
        assertThatThrownBy(() -> bob.decrypt(tooLong, NOW)).isInstanceOfSatisfying(RatchetException.class,
                e -> assertThat(e.reason()).isEqualTo(RatchetException.Reason.MALFORMED));
        byte[] otherVersion = good.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> bob.decrypt(otherVersion, NOW)).hasMessageContaining("version 2");
    }

    @Test
    void onlyAStartMessageCanOpenASessionAndOnlyForItsRecipient() throws Exception {
        byte[] first = alice.encrypt(text("first"));
        RatchetSession bob = accept(first, "first");
        alice.decrypt(bob.encrypt(text("reply")), NOW);
        byte[] notStart = alice.encrypt(text("after reply"));
        assertThatThrownBy(() -> RatchetSession.accept(bobId, aliceId.publicKey(), notStart, NOW, RANDOM))
                .isInstanceOfSatisfying(RatchetException.class,
                        e -> assertThat(e.reason()).isEqualTo(RatchetException.Reason.UNKNOWN_SESSION));
        AgreementKeyPair carol = AgreementKeyPair.generate(RANDOM);
        assertThatThrownBy(() -> RatchetSession.accept(carol, aliceId.publicKey(), first, NOW, RANDOM))
                .isInstanceOfSatisfying(RatchetException.class,
                        e -> assertThat(e.reason()).isEqualTo(RatchetException.Reason.AUTHENTICATION_FAILED));
        RatchetSession other = RatchetSession.start(aliceId, bobId.publicKey(), RANDOM);
        assertThatThrownBy(() -> bob.decrypt(other.encrypt(text("x")), NOW))
                .isInstanceOfSatisfying(RatchetException.class,
                        e -> assertThat(e.reason()).isEqualTo(RatchetException.Reason.UNKNOWN_SESSION));
    }

    @Test
    void aLowOrderRatchetKeyIsRefused() throws Exception {
        RatchetSession bob = accept(alice.encrypt(text("first")), "first");
        byte[] message = alice.encrypt(text("x"));
        byte[] forged = message.clone();
        System.arraycopy(new byte[32], 0, forged, 10, 32);
        assertThatThrownBy(() -> bob.decrypt(forged, NOW)).isInstanceOfSatisfying(RatchetException.class,
                e -> assertThat(e.reason()).isEqualTo(RatchetException.Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void savedStateRoundTripsAtEveryStepAndTheRestoredSessionCarriesOn() throws Exception {
        byte[] skippedLater = alice.encrypt(text("skipped"));
        RatchetSession bob = accept(alice.encrypt(text("first")), "first");
        for (int round = 0; round < 3; round++) {
            bob = RatchetSession.restore(bob.serialize(), RANDOM);
            alice = RatchetSession.restore(alice.serialize(), RANDOM);
            assertThat(RatchetSession.restore(bob.serialize(), RANDOM).serialize()).isEqualTo(bob.serialize());
            assertThat(alice.decrypt(bob.encrypt(text("b" + round)), NOW)).isEqualTo(text("b" + round));
            assertThat(bob.decrypt(alice.encrypt(text("a" + round)), NOW)).isEqualTo(text("a" + round));
        }
        assertThat(bob.skippedKeys()).isEqualTo(1);
        assertThat(RatchetSession.restore(bob.serialize(), RANDOM).decrypt(skippedLater, NOW))
                .isEqualTo(text("skipped"));
    }

    @Test
    void damagedSavedStateIsRefused() throws Exception {
        RatchetSession bob = accept(alice.encrypt(text("first")), "first");
        byte[] saved = bob.serialize();
        for (int length = 0; length < saved.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(saved, length);
            assertThatThrownBy(() -> RatchetSession.restore(truncated, RANDOM))
                    .isInstanceOf(RatchetException.class);
        }
        byte[] longer = java.util.Arrays.copyOf(saved, saved.length + 1);
        assertThatThrownBy(() -> RatchetSession.restore(longer, RANDOM)).isInstanceOf(RatchetException.class);
        byte[] flags = saved.clone();
        flags[1] |= (byte) 0x80;
        assertThatThrownBy(() -> RatchetSession.restore(flags, RANDOM)).hasMessageContaining("flags");
        byte[] count = saved.clone();
        count[RatchetState.FIXED_BYTES] = (byte) 0xff;
        assertThatThrownBy(() -> RatchetSession.restore(count, RANDOM)).hasMessageContaining("key count");
    }

    private RatchetSession accept(byte[] message, String expected) throws Exception {
        RatchetSession.Accepted accepted = RatchetSession.accept(bobId, aliceId.publicKey(), message, NOW, RANDOM);
        assertThat(accepted.plaintext()).isEqualTo(text(expected));
        return accepted.session();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

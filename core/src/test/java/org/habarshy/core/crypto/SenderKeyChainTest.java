package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sender chains: order, loss, replay, bounds, verification before decryption, saved state. */
class SenderKeyChainTest {
    private static final long NOW = 1_767_225_600_000L;
    private static final long EXPIRES = NOW + 7L * 24 * 3600 * 1000;
    private final SecureRandom random = new SecureRandom();
    private final byte[] groupId = new byte[32];

    private record Pair(SenderKeyChain sender, SenderKeyChain receiver, byte[] tag) {
    }

    private Pair pair() {
        SenderKeyChain sender = SenderKeyChain.generate(random);
        SenderKeyChain receiver = SenderKeyChain.fromDistribution(sender.chainKey(), sender.iteration(),
                sender.signingKey());
        return new Pair(sender, receiver, SenderKeyChain.chainTag(groupId, 0, sender.signingKey()));
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void messagesDecryptInAnyOrderAndEachOnlyOnce() throws Exception {
        Pair p = pair();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(p.sender().encrypt(p.tag(), NOW, EXPIRES, text("m" + i)));
        }
        for (int i : new int[] {4, 0, 2, 1, 3}) {
            assertThat(new String(p.receiver().decrypt(sent.get(i), NOW), StandardCharsets.UTF_8)).isEqualTo("m" + i);
        }
        assertThat(p.receiver().skippedCount()).isZero();
        for (byte[] message : sent) {
            assertThatThrownBy(() -> p.receiver().decrypt(message, NOW))
                    .isInstanceOfSatisfying(SenderKeyException.class,
                            e -> assertThat(e.reason()).isEqualTo(SenderKeyException.Reason.REPLAY));
        }
    }

    @Test
    void theSignatureIsVerifiedBeforeAnyKeyIsDerived() throws Exception {
        Pair p = pair();
        byte[] message = p.sender().encrypt(p.tag(), NOW, EXPIRES, text("hello"));
        byte[] damaged = message.clone();
        damaged[GroupMessageFormat.HEADER_BYTES + 3] ^= 1;
        SenderKeyChain receiver = p.receiver();
        assertThatThrownBy(() -> receiver.decrypt(damaged, NOW)).isInstanceOfSatisfying(SenderKeyException.class,
                e -> assertThat(e.reason()).isEqualTo(SenderKeyException.Reason.BAD_SIGNATURE));
        assertThat(receiver.iteration()).isZero();
        assertThat(receiver.decrypt(message, NOW)).isEqualTo(text("hello"));
    }

    @Test
    void aMemberWhoKnowsTheChainKeyCannotWriteAsTheSender() throws Exception {
        Pair p = pair();
        // Mallory, another member, holds the chain key from the distribution but not the signing key.
        SenderKeyChain forger = SenderKeyChain.owned(p.receiver().chainKey(), 0, SigningKeyPair.generate(random));
        byte[] forged = forger.encrypt(p.tag(), NOW, EXPIRES, text("sent by Alice, honestly"));
        assertThatThrownBy(() -> p.receiver().decrypt(forged, NOW)).isInstanceOfSatisfying(SenderKeyException.class,
                e -> assertThat(e.reason()).isEqualTo(SenderKeyException.Reason.BAD_SIGNATURE));
        assertThat(p.receiver().iteration()).isZero();
    }

    @Test
    void skippingIsBoundedPerMessageAndInTotal() throws Exception {
        Pair p = pair();
        byte[] last = null;
        for (int i = 0; i <= SenderKeyChain.MAX_SKIP + 1; i++) {
            last = p.sender().encrypt(p.tag(), NOW, EXPIRES, text("m" + i));
        }
        byte[] tooFar = last;
        assertThatThrownBy(() -> p.receiver().decrypt(tooFar, NOW)).isInstanceOfSatisfying(SenderKeyException.class,
                e -> assertThat(e.reason()).isEqualTo(SenderKeyException.Reason.TOO_MANY_SKIPPED));
        assertThat(p.receiver().iteration()).isZero();

        Pair q = pair();
        SenderKeyChain receiver = q.receiver();
        for (int round = 0; round < 3; round++) {
            byte[] ahead = null;
            for (int i = 0; i <= SenderKeyChain.MAX_SKIP; i++) {
                ahead = q.sender().encrypt(q.tag(), NOW, EXPIRES, text("r" + i));
            }
            receiver.decrypt(ahead, NOW);
        }
        assertThat(receiver.skippedCount()).isEqualTo(SenderKeyChain.MAX_STORED);
    }

    @Test
    void everyFlippedBitOrTruncationIsRefusedCleanly() throws Exception {
        Pair p = pair();
        byte[] message = p.sender().encrypt(p.tag(), NOW, EXPIRES, text("tamper with me"));
        for (int i = 0; i < message.length; i++) {
            byte[] damaged = message.clone();
            damaged[i] ^= (byte) (1 << (i % 8));
            assertThatThrownBy(() -> p.receiver().copy().decrypt(damaged, NOW))
                    .isInstanceOf(SenderKeyException.class);
        }
        for (int length = 0; length < message.length; length += 7) {
            byte[] cut = Arrays.copyOf(message, length);
            assertThatThrownBy(() -> p.receiver().copy().decrypt(cut, NOW)).isInstanceOf(SenderKeyException.class);
        }
        assertThat(p.receiver().decrypt(message, NOW)).isEqualTo(text("tamper with me"));
    }

    @Test
    void messagesArePaddedSoShortTextsLookAlike() {
        Pair p = pair();
        int a = p.sender().encrypt(p.tag(), NOW, EXPIRES, text("ok")).length;
        int b = p.sender().encrypt(p.tag(), NOW, EXPIRES, text("a somewhat longer text of 100 characters....................."
                + "................")).length;
        assertThat(a).isEqualTo(b).isEqualTo(GroupMessageFormat.MIN_BYTES);
        assertThat(GroupMessageFormat.MIN_BYTES).isGreaterThanOrEqualTo(EnvelopeFormat.MIN_BYTES);
    }

    @Test
    void savedStateRestoresBothSidesAndDamageIsRefused() throws Exception {
        Pair p = pair();
        byte[] m0 = p.sender().encrypt(p.tag(), NOW, EXPIRES, text("zero"));
        byte[] m1 = p.sender().encrypt(p.tag(), NOW, EXPIRES, text("one"));
        SenderKeyChain sender = SenderKeyChain.restore(p.sender().serialize());
        byte[] m2 = sender.encrypt(p.tag(), NOW, EXPIRES, text("two"));
        p.receiver().decrypt(m1, NOW);
        SenderKeyChain receiver = SenderKeyChain.restore(p.receiver().serialize());
        assertThat(receiver.canSend()).isFalse();
        assertThat(receiver.decrypt(m2, NOW)).isEqualTo(text("two"));
        assertThat(receiver.decrypt(m0, NOW)).isEqualTo(text("zero"));

        byte[] state = p.sender().serialize();
        byte[] badVersion = state.clone();
        badVersion[0] = 2;
        byte[] badCount = state.clone();
        ByteBuffer.wrap(badCount).putShort(badCount.length - 2, (short) 5);
        byte[] wrongSeed = state.clone();
        wrongSeed[1 + 1 + 4 + 32 + 32] ^= 1;
        for (byte[] bad : List.of(badVersion, badCount, wrongSeed, Arrays.copyOf(state, 10))) {
            assertThatThrownBy(() -> SenderKeyChain.restore(bad)).isInstanceOfSatisfying(SenderKeyException.class,
                    e -> assertThat(e.reason()).isEqualTo(SenderKeyException.Reason.MALFORMED));
        }
    }

    @Test
    void skippedKeysExpireAfterTheirLifetime() throws Exception {
        Pair p = pair();
        byte[] m0 = p.sender().encrypt(p.tag(), NOW, EXPIRES, text("zero"));
        byte[] m1 = p.sender().encrypt(p.tag(), NOW, EXPIRES, text("one"));
        p.receiver().decrypt(m1, NOW);
        assertThatThrownBy(() -> p.receiver().decrypt(m0, NOW + SenderKeyChain.LIFETIME_MILLIS + 1))
                .isInstanceOfSatisfying(SenderKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(SenderKeyException.Reason.REPLAY));
    }
}

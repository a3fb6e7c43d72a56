package org.habarshy.core.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.habarshy.core.testing.DeterministicRandom;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the channel post reader every subscribed node runs on envelopes of kind 0x03 from peers
 * ({@link ChannelPostFormat#open}, PROTOCOL.md §12). The documented outcomes are an opened post (severity 1..3, text
 * of 1..4096 UTF-8 bytes) and {@link InvalidChannelPostException}; anything else is a finding. Random bytes never
 * carry a valid signature, so {@link #openSigned} frames each input as the body of a post that the channel key really
 * signed (public and private), which reaches decryption and the payload parser behind the signature check.
 */
@Tag("jazzer")
class ChannelPostFuzzTest {
    private static final SigningKeyPair CHANNEL = SigningKeyPair.generate(new DeterministicRandom("fuzz channel"));
    private static final SubscriberSecret SECRET = SubscriberSecret.generate(new DeterministicRandom("fuzz secret"));
    private static final long CREATED = 1_767_225_600_000L;
    /** A valid tag of {@link #SECRET}, made once: the channel field of the private frames. */
    private static final byte[] TAG = ChannelPostFormat.channelFieldOf(ChannelPostFormat.seal(CHANNEL,
            Optional.of(SECRET), 1, 1, "x", CREATED, CREATED + 1, new DeterministicRandom("fuzz tag")));

    @FuzzTest
    void open(byte[] post) {
        check(post, Optional.empty());
        check(post, Optional.of(SECRET));
    }

    @FuzzTest
    void openSigned(byte[] body) {
        byte[] bounded = Arrays.copyOf(body, Math.min(body.length, 4200));
        check(signedFrame(bounded, ChannelPostFormat.MODE_PUBLIC, CHANNEL.publicKey().bytes()), Optional.empty());
        check(signedFrame(bounded, ChannelPostFormat.MODE_PRIVATE, TAG), Optional.of(SECRET));
    }

    private static void check(byte[] post, Optional<SubscriberSecret> secret) {
        OpenedChannelPost opened;
        try {
            opened = ChannelPostFormat.open(post, CHANNEL.publicKey(), secret);
        } catch (InvalidChannelPostException e) {
            return;
        }
        int textBytes = opened.text().getBytes(StandardCharsets.UTF_8).length;
        if (opened.severity() < 1 || opened.severity() > 3 || textBytes < 1
                || textBytes > ChannelPostFormat.MAX_TEXT_BYTES || opened.sequence() < 0
                || opened.expiresAt() <= opened.createdAt()) {
            throw new AssertionError("opened something impossible: " + opened);
        }
    }

    /** A frame of §12 around {@code body}, padded and signed by the channel key, whatever the body holds. */
    private static byte[] signedFrame(byte[] body, int mode, byte[] channelField) {
        int padding = Math.max(0, 194 - 117 - body.length);
        ByteBuffer b = ByteBuffer.allocate(53 + body.length + padding + 64);
        b.put((byte) 1).put((byte) 3).putLong(CREATED).putLong(CREATED + 60_000).put(channelField).put((byte) mode)
                .putShort((short) body.length).put(body);
        byte[] out = b.array();
        int signed = out.length - 64;
        byte[] label = (DomainLabels.CHANNEL_POST + "\0").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(CHANNEL.sign(Concatenation.of(label, Arrays.copyOf(out, signed))), 0, out, signed, 64);
        return out;
    }
}

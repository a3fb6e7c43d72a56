package org.habarshy.core.link;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.DomainLabels;
import org.habarshy.core.crypto.NoiseHandshake;
import org.habarshy.core.crypto.NoiseTransport;
import org.habarshy.core.testing.DeterministicRandom;
import org.habarshy.core.testing.RecordingSink;
import org.habarshy.core.testing.SeedCorpus;
import org.habarshy.core.wire.Frames;
import org.habarshy.core.wire.HelloCodec;
import org.habarshy.core.wire.LinkFrameBodies;
import org.habarshy.core.wire.LinkFrameCodec;
import org.habarshy.core.wire.RecordOracle;
import org.habarshy.core.wire.WireLimits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes a link's inbound pipeline as {@code LinkInitializer} builds it, from both sides of the Noise
 * handshake. {@link #responder} feeds raw peer bytes to the side that accepted the connection: framing,
 * handshake and, if a seed's recorded handshake survives, the cipher and the record decoder.
 * {@link #authenticatedRecords} completes a real handshake and sends each input as the plaintext body of
 * one encrypted frame, so that fuzzed {@code LinkFrame}s reach the record decoder authenticated. In both,
 * the only allowed outcomes are those of {@link RecordOracle}, and every buffer must be released.
 *
 * <p>All keys come from {@link DeterministicRandom}, so that an input always takes the same path and the
 * recorded handshakes in the seed corpus stay valid.
 */
@Tag("jazzer")
class LinkHandshakeFuzzTest {
    private static final AgreementKeyPair RESPONDER_KEY =
            AgreementKeyPair.generate(new DeterministicRandom("fuzz responder transport key"));
    private static final AgreementKeyPair INITIATOR_KEY =
            AgreementKeyPair.generate(new DeterministicRandom("fuzz initiator transport key"));
    private static final String RESPONDER_EPHEMERAL = "fuzz responder ephemeral";
    private static final String INITIATOR_EPHEMERAL = "fuzz initiator ephemeral";
    private static final byte[] PROLOGUE = DomainLabels.LINK_PROLOGUE.getBytes(StandardCharsets.UTF_8);

    @FuzzTest
    void responder(byte[] stream) {
        UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(false);
        RecordingSink sink = new RecordingSink();
        EmbeddedChannel channel = link(false, alloc, sink);
        // Two reads, split mid-stream, so that frames also straddle read boundaries.
        int split = stream.length / 2;
        ByteBuf second = alloc.heapBuffer(stream.length - split).writeBytes(stream, split, stream.length - split);
        channel.writeInbound(alloc.heapBuffer(split).writeBytes(stream, 0, split));
        if (channel.isOpen()) {
            channel.writeInbound(second);
        } else {
            second.release();
        }
        boolean open = channel.isOpen();
        channel.finishAndReleaseAll();

        RecordOracle.checkRejections(sink.errors(), open);
        sink.messages().forEach(RecordOracle::checkRecord);
        checkEvents(sink);
        checkReleased(alloc);
    }

    @FuzzTest
    void authenticatedRecords(byte[] body) {
        UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(false);
        RecordingSink initiatorSink = new RecordingSink();
        RecordingSink responderSink = new RecordingSink();
        EmbeddedChannel initiator = link(true, alloc, initiatorSink);
        EmbeddedChannel responder = link(false, alloc, responderSink);
        pump(initiator, responder);
        if (responderSink.events().size() != 1 || initiatorSink.events().size() != 1) {
            throw new AssertionError("the handshake did not complete: " + responderSink.errors());
        }
        // The sender refuses bodies that do not fit a frame; that is not the receiver's concern.
        int length = Math.min(body.length, LinkCipherCodec.MAX_PLAINTEXT_BYTES);
        initiator.writeOutbound(alloc.heapBuffer(length).writeBytes(body, 0, length));
        pump(initiator, responder);
        boolean open = responder.isOpen();
        initiator.finishAndReleaseAll();
        responder.finishAndReleaseAll();

        RecordOracle.checkRejections(responderSink.errors(), open);
        responderSink.messages().forEach(RecordOracle::checkRecord);
        if (!initiatorSink.errors().isEmpty()) {
            throw new AssertionError("the sender failed", initiatorSink.errors().get(0));
        }
        checkReleased(alloc);
    }

    /** Returns a channel with the pipeline of {@code LinkInitializer}, ending in {@code sink}. */
    private static EmbeddedChannel link(boolean initiator, UnpooledByteBufAllocator alloc, RecordingSink sink) {
        EmbeddedChannel channel = new EmbeddedChannel();
        // Frozen, so that the handshake timeout never fires, however slow a loaded machine is.
        channel.freezeTime();
        channel.config().setAllocator(alloc);
        LinkHandshakeHandler handshake = initiator
                ? new LinkHandshakeHandler(true, INITIATOR_KEY, new DeterministicRandom(INITIATOR_EPHEMERAL))
                : new LinkHandshakeHandler(false, RESPONDER_KEY, new DeterministicRandom(RESPONDER_EPHEMERAL));
        channel.pipeline()
                .addLast("frameDecoder", Frames.decoder())
                .addLast("framePrepender", Frames.prepender())
                .addLast("handshake", handshake)
                .addLast("records", LinkFrameCodec.INSTANCE)
                .addLast("sink", sink);
        channel.pipeline().fireChannelActive();
        return channel;
    }

    /** Moves outbound bytes of each channel into the other until both are quiet. */
    private static void pump(EmbeddedChannel a, EmbeddedChannel b) {
        boolean moved = true;
        while (moved) {
            moved = move(a, b) | move(b, a);
        }
    }

    private static boolean move(EmbeddedChannel from, EmbeddedChannel to) {
        boolean moved = false;
        ByteBuf buf;
        while ((buf = from.readOutbound()) != null) {
            if (to.isOpen()) {
                to.writeInbound(buf);
            } else {
                buf.release();
            }
            moved = true;
        }
        return moved;
    }

    private static void checkEvents(RecordingSink sink) {
        if (sink.events().size() > 1 || !sink.events().stream().allMatch(LinkEstablishedEvent.class::isInstance)) {
            throw new AssertionError("unexpected events: " + sink.events());
        }
    }

    private static void checkReleased(UnpooledByteBufAllocator alloc) {
        if (alloc.metric().usedHeapMemory() != 0 || alloc.metric().usedDirectMemory() != 0) {
            throw new AssertionError("a buffer was not released");
        }
    }

    @Test
    void seedCorporaMatchTheirRecipes() throws Exception {
        SeedCorpus.check(LinkHandshakeFuzzTest.class, "responder", responderSeeds());
        SeedCorpus.check(LinkHandshakeFuzzTest.class, "authenticatedRecords", LinkFrameBodies.all());
    }

    @Test
    void recordedHandshakeReachesTheRecordDecoder() throws Exception {
        RecordingSink sink = new RecordingSink();
        EmbeddedChannel channel = link(false, new UnpooledByteBufAllocator(false), sink);
        channel.writeInbound(Unpooled.wrappedBuffer(responderSeeds().get("handshake-then-records")));
        // Offer, request, envelope and offer-done; the unknown kind and the empty body are skipped.
        if (sink.messages().size() != 4 || !sink.errors().isEmpty() || sink.events().size() != 1) {
            throw new AssertionError("the recorded handshake no longer matches the target: " + sink.errors());
        }
        channel.finishAndReleaseAll();
    }

    /**
     * Streams a peer could send to a responder: recorded handshakes (made with the same deterministic keys as
     * the target) with good and bad hellos and records after them, and broken handshake messages.
     */
    static Map<String, byte[]> responderSeeds() throws GeneralSecurityException {
        Map<String, byte[]> bodies = LinkFrameBodies.all();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        byte[] v1 = HelloCodec.encode(LinkHandshakeHandler.PROTOCOL_VERSION); // the current version (2)
        Transcript good = Transcript.record(v1);
        seeds.put("handshake-only", good.handshake());
        seeds.put("handshake-then-offer", Transcript.record(v1).then(bodies.get("offer-1-id")));
        seeds.put("handshake-then-records", Transcript.record(v1).then(bodies.get("offer-1-id"),
                bodies.get("request-3-ids"), bodies.get("envelope-194-bytes-hops-0"), bodies.get("unknown-kind"),
                bodies.get("empty-body"), bodies.get("offer-done")));
        seeds.put("handshake-then-offer-1025-ids", Transcript.record(v1).then(bodies.get("offer-1025-ids")));
        seeds.put("handshake-then-envelope-hops-16", Transcript.record(v1).then(bodies.get("envelope-hops-16")));
        seeds.put("handshake-then-not-protobuf", Transcript.record(v1).then(bodies.get("not-protobuf")));
        byte[] tampered = Transcript.record(v1).then(bodies.get("offer-1-id"));
        tampered[tampered.length - 1] ^= 0x01;
        seeds.put("handshake-then-tampered-frame", tampered);
        seeds.put("handshake-then-frame-shorter-than-tag", concat(good.handshake(), framed(new byte[15])));
        seeds.put("handshake-then-empty-frame", concat(good.handshake(), framed(new byte[0])));
        seeds.put("hello-version-1", Transcript.record(HelloCodec.encode(1)).handshake());
        seeds.put("hello-version-2", Transcript.record(HelloCodec.encode(2)).handshake());
        seeds.put("hello-version-0", Transcript.record(HelloCodec.encode(0)).handshake());
        seeds.put("hello-version-uint32-max", Transcript.record(HelloCodec.encode(-1)).handshake());
        seeds.put("hello-not-protobuf", Transcript.record(new byte[] {(byte) 0xFF, (byte) 0xFF}).handshake());
        seeds.put("hello-empty", Transcript.record(new byte[0]).handshake());

        byte[] message3 = good.message3();
        byte[] flipped = message3.clone();
        flipped[40] ^= 0x01;
        seeds.put("message3-bit-flipped", concat(framed(good.message1()), framed(flipped)));
        seeds.put("message3-truncated", concat(framed(good.message1()),
                framed(Arrays.copyOf(message3, 32 + 16 + 15))));
        seeds.put("message1-twice", concat(framed(good.message1()), framed(good.message1())));
        seeds.put("message1-only", framed(good.message1()));
        seeds.put("message1-with-payload", framed(concat(good.message1(), new byte[] {1, 2, 3})));
        seeds.put("message1-low-order-key-zero", framed(new byte[32]));
        byte[] orderFour = new byte[32];
        orderFour[0] = 1;
        seeds.put("message1-low-order-key-one", framed(orderFour));
        seeds.put("message1-31-bytes", framed(Arrays.copyOf(good.message1(), 31)));
        seeds.put("message1-65536-bytes", framed(new byte[WireLimits.MAX_HANDSHAKE_BYTES + 1]));
        seeds.put("message1-empty", framed(new byte[0]));
        seeds.put("length-max-plus-1", ByteBuffer.allocate(8).putInt(WireLimits.MAX_FRAME_BYTES + 1).array());
        seeds.put("length-negative", ByteBuffer.allocate(8).putInt(-1).array());
        return seeds;
    }

    /** An initiator's side of a handshake with the target's responder, made with the same keys. */
    private record Transcript(byte[] message1, byte[] message3, NoiseTransport transport) {
        static Transcript record(byte[] hello) throws GeneralSecurityException {
            NoiseHandshake initiator = NoiseHandshake.initiator(INITIATOR_KEY, PROLOGUE,
                    new DeterministicRandom(INITIATOR_EPHEMERAL));
            NoiseHandshake responder = NoiseHandshake.responder(RESPONDER_KEY, PROLOGUE,
                    new DeterministicRandom(RESPONDER_EPHEMERAL));
            byte[] message1 = initiator.writeMessage(new byte[0]);
            responder.readMessage(message1);
            initiator.readMessage(responder.writeMessage(HelloCodec.encode(LinkHandshakeHandler.PROTOCOL_VERSION)));
            byte[] message3 = initiator.writeMessage(hello);
            return new Transcript(message1, message3, initiator.split());
        }

        byte[] handshake() {
            return concat(framed(message1), framed(message3));
        }

        /** Returns the handshake followed by {@code bodies}, each encrypted in one frame; call once only. */
        byte[] then(byte[]... bodies) {
            byte[] out = handshake();
            for (byte[] body : bodies) {
                out = concat(out, framed(transport.encrypt(body)));
            }
            return out;
        }
    }

    private static byte[] framed(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}

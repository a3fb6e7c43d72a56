package org.habarshy.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.sync.OfferRecord;
import org.habarshy.core.wire.Frames;
import org.habarshy.core.wire.LinkFrameCodec;
import org.junit.jupiter.api.Test;

class LinkHandshakeHandlerTest {
    private final SecureRandom random = new SecureRandom();

    /** Captures user events and records that reach the end of the pipeline. */
    private static final class Sink extends ChannelInboundHandlerAdapter {
        final List<Object> events = new ArrayList<>();
        final List<Object> records = new ArrayList<>();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            events.add(evt);
        }

        final List<Throwable> errors = new ArrayList<>();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            records.add(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            errors.add(cause);
            ctx.close();
        }
    }

    private EmbeddedChannel channel(boolean initiator, AgreementKeyPair key, Sink sink) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.pipeline().addLast("frameDecoder", Frames.decoder())
                .addLast("framePrepender", Frames.prepender())
                .addLast("handshake", new LinkHandshakeHandler(initiator, key, random))
                .addLast("records", LinkFrameCodec.INSTANCE)
                .addLast("sink", sink);
        ch.pipeline().fireChannelActive();
        return ch;
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
            to.writeInbound(buf);
            moved = true;
        }
        return moved;
    }

    @Test
    void completesTheHandshakeRemovesItselfAndCarriesRecords() {
        AgreementKeyPair aliceKey = AgreementKeyPair.generate(random);
        AgreementKeyPair bobKey = AgreementKeyPair.generate(random);
        Sink aliceSink = new Sink();
        Sink bobSink = new Sink();
        EmbeddedChannel alice = channel(true, aliceKey, aliceSink);
        EmbeddedChannel bob = channel(false, bobKey, bobSink);

        pump(alice, bob);

        assertThat(alice.pipeline().get("handshake")).isNull();
        assertThat(bob.pipeline().get("handshake")).isNull();
        assertThat(alice.pipeline().get("cipher")).isInstanceOf(LinkCipherCodec.class);
        LinkEstablishedEvent aliceSees = (LinkEstablishedEvent) aliceSink.events.get(0);
        LinkEstablishedEvent bobSees = (LinkEstablishedEvent) bobSink.events.get(0);
        assertThat(aliceSees.remoteTransportKey()).isEqualTo(bobKey.publicKey().bytes());
        assertThat(bobSees.remoteTransportKey()).isEqualTo(aliceKey.publicKey().bytes());
        assertThat(aliceSees.initiator()).isTrue();
        assertThat(bobSees.initiator()).isFalse();
        assertThat(aliceSees.protocolVersion()).isEqualTo(LinkHandshakeHandler.PROTOCOL_VERSION);

        OfferRecord offer = new OfferRecord(List.of(new EnvelopeId(new byte[32])));
        alice.writeOutbound(offer);
        pump(alice, bob);
        assertThat(bobSink.records).containsExactly(offer);
        assertThat(alice.finishAndReleaseAll()).isFalse();
        assertThat(bob.finishAndReleaseAll()).isFalse();
    }

    @Test
    void carriesLargeRecordsArrivingInDirectBuffersAsFromASocket() {
        Sink aliceSink = new Sink();
        Sink bobSink = new Sink();
        EmbeddedChannel alice = channel(true, AgreementKeyPair.generate(random), aliceSink);
        EmbeddedChannel bob = channel(false, AgreementKeyPair.generate(random), bobSink);
        pump(alice, bob);

        byte[] envelope = new byte[EnvelopeFormat.MAX_BYTES];
        random.nextBytes(envelope);
        List<EnvelopeRecord> sent = List.of(new EnvelopeRecord(envelope, 2),
                new EnvelopeRecord(Arrays.copyOf(envelope, EnvelopeFormat.MIN_BYTES), 0));
        sent.forEach(alice::writeOutbound);
        ByteBuf direct = Unpooled.directBuffer();
        ByteBuf part;
        while ((part = alice.readOutbound()) != null) {
            direct.writeBytes(part);
            part.release();
        }
        // One contiguous direct buffer: the frame decoder hands out slices of it, which have no array.
        bob.writeInbound(direct);
        assertThat(bobSink.errors).isEmpty();
        assertThat(bobSink.records).containsExactlyElementsOf(sent);
        assertThat(alice.finishAndReleaseAll()).isFalse();
        assertThat(bob.finishAndReleaseAll()).isFalse();
    }

    @Test
    void closesTheLinkWhenAnEncryptedFrameIsTampered() {
        Sink bobSink = new Sink();
        EmbeddedChannel alice = channel(true, AgreementKeyPair.generate(random), new Sink());
        EmbeddedChannel bob = channel(false, AgreementKeyPair.generate(random), bobSink);
        pump(alice, bob);

        alice.writeOutbound(new OfferRecord(List.of(new EnvelopeId(new byte[32]))));
        ByteBuf tampered = Unpooled.buffer();
        ByteBuf part;
        while ((part = alice.readOutbound()) != null) {
            tampered.writeBytes(part);
            part.release();
        }
        assertThat(tampered.readableBytes()).isGreaterThan(10);
        tampered.setByte(10, tampered.getByte(10) ^ 0x01);
        bob.writeInbound(tampered);
        assertThat(bobSink.records).isEmpty();
        assertThat(bobSink.errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("authentication"));
        assertThat(bob.isOpen()).isFalse();
        alice.finishAndReleaseAll();
        bob.finishAndReleaseAll();
    }

    @Test
    void rejectsGarbageAsTheFirstHandshakeMessage() {
        Sink sink = new Sink();
        EmbeddedChannel bob = channel(false, AgreementKeyPair.generate(random), sink);
        ByteBuf garbage = Unpooled.buffer().writeInt(5).writeBytes(new byte[] {1, 2, 3, 4, 5});
        bob.writeInbound(garbage);
        assertThat(sink.events).isEmpty();
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("handshake"));
        assertThat(bob.isOpen()).isFalse();
        bob.finishAndReleaseAll();
    }

    @Test
    void rejectsALowOrderEphemeralKeyAsACorruptedFrame() {
        // Found by LinkHandshakeFuzzTest: the all-zero shared secret used to escape as InvalidKeyException.
        Sink sink = new Sink();
        EmbeddedChannel bob = channel(false, AgreementKeyPair.generate(random), sink);
        bob.writeInbound(Unpooled.buffer().writeInt(32).writeZero(32));
        assertThat(sink.errors).singleElement().isInstanceOf(CorruptedFrameException.class)
                .satisfies(e -> assertThat(e).hasMessageContaining("low-order"));
        assertThat((Object) bob.readOutbound()).isNull();
        assertThat(bob.isOpen()).isFalse();
        bob.finishAndReleaseAll();
    }

    @Test
    void rejectsAnOversizedHandshakeMessage() {
        Sink sink = new Sink();
        EmbeddedChannel bob = channel(false, AgreementKeyPair.generate(random), sink);
        int size = 70_000;
        bob.writeInbound(Unpooled.buffer().writeInt(size).writeZero(size));
        assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("handshake message of"));
        assertThat(bob.isOpen()).isFalse();
        bob.finishAndReleaseAll();
    }

    @Test
    void closesAConnectionThatNeverCompletesTheHandshake() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(Frames.decoder(), Frames.prepender(),
                new LinkHandshakeHandler(false, AgreementKeyPair.generate(random), random));
        ch.pipeline().fireChannelActive();
        ch.advanceTimeBy(LinkHandshakeHandler.TIMEOUT.toSeconds() - 1, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
        ch.advanceTimeBy(2, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }
}

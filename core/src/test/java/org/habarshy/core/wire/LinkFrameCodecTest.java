package org.habarshy.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.sync.OfferDoneRecord;
import org.habarshy.core.sync.OfferRecord;
import org.habarshy.core.sync.RequestRecord;
import org.habarshy.core.sync.SyncLimits;
import org.habarshy.proto.v1.LinkFrame;
import org.habarshy.proto.v1.Offer;
import org.junit.jupiter.api.Test;

class LinkFrameCodecTest {
    private static EnvelopeId id(int seed) {
        byte[] bytes = new byte[EnvelopeId.LENGTH];
        bytes[0] = (byte) seed;
        bytes[31] = (byte) (seed >> 8);
        return new EnvelopeId(bytes);
    }

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(Frames.decoder(), Frames.prepender(), LinkFrameCodec.INSTANCE);
    }

    private static ByteBuf encode(Object record) {
        EmbeddedChannel ch = channel();
        ch.writeOutbound(record);
        ByteBuf out = Unpooled.buffer();
        ByteBuf part;
        while ((part = ch.readOutbound()) != null) {
            out.writeBytes(part);
            part.release();
        }
        ch.finishAndReleaseAll();
        return out;
    }

    private static ByteBuf frame(byte[] body) {
        return Unpooled.buffer().writeInt(body.length).writeBytes(body);
    }

    @Test
    void roundTripsEveryRecordKind() {
        List<Object> records = List.of(new OfferRecord(List.of(id(1), id(2))), new RequestRecord(List.of(id(3))),
                new EnvelopeRecord(new byte[EnvelopeFormat.MIN_BYTES], 3), new OfferDoneRecord());
        for (Object record : records) {
            EmbeddedChannel ch = channel();
            assertThat(ch.writeInbound(encode(record))).isTrue();
            assertThat((Object) ch.readInbound()).isEqualTo(record);
            assertThat((Object) ch.readInbound()).isNull();
            assertThat(ch.finish()).isFalse();
        }
    }

    @Test
    void decodesAFrameDeliveredOneByteAtATime() {
        OfferRecord offer = new OfferRecord(List.of(id(7), id(8), id(9)));
        ByteBuf wire = encode(offer);
        EmbeddedChannel ch = channel();
        while (wire.readableBytes() > 1) {
            assertThat(ch.writeInbound(wire.readRetainedSlice(1))).isFalse();
            assertThat((Object) ch.readInbound()).isNull();
        }
        assertThat(ch.writeInbound(wire.readRetainedSlice(1))).isTrue();
        wire.release();
        assertThat((Object) ch.readInbound()).isEqualTo(offer);
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void decodesTwoFramesInOneRead() {
        ByteBuf both = Unpooled.wrappedBuffer(encode(new OfferDoneRecord()), encode(new RequestRecord(List.of(id(5)))));
        EmbeddedChannel ch = channel();
        ch.writeInbound(both);
        assertThat((Object) ch.readInbound()).isEqualTo(new OfferDoneRecord());
        assertThat((Object) ch.readInbound()).isEqualTo(new RequestRecord(List.of(id(5))));
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void acceptsTheLargestEnvelopeAndRejectsOneByteMore() {
        EmbeddedChannel ch = channel();
        EnvelopeRecord largest = new EnvelopeRecord(new byte[EnvelopeFormat.MAX_BYTES], 0);
        assertThat(ch.writeInbound(encode(largest))).isTrue();
        assertThat((Object) ch.readInbound()).isEqualTo(largest);

        byte[] tooBig = LinkFrame.newBuilder().setEnvelope(org.habarshy.proto.v1.EnvelopeTransfer.newBuilder()
                .setEnvelope(com.google.protobuf.ByteString.copyFrom(new byte[EnvelopeFormat.MAX_BYTES + 1])))
                .build().toByteArray();
        assertThatThrownBy(() -> ch.writeInbound(frame(tooBig))).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("envelope of " + (EnvelopeFormat.MAX_BYTES + 1) + " bytes");
        ch.finishAndReleaseAll();
    }

    @Test
    void acceptsMaximalFrameLengthAndRejectsOneMoreBeforeReadingTheBody() {
        EmbeddedChannel ok = new EmbeddedChannel(Frames.decoder());
        ByteBuf max = Unpooled.buffer().writeInt(WireLimits.MAX_FRAME_BYTES).writeZero(WireLimits.MAX_FRAME_BYTES);
        assertThat(ok.writeInbound(max)).isTrue();
        ByteBuf body = ok.readInbound();
        assertThat(body.readableBytes()).isEqualTo(WireLimits.MAX_FRAME_BYTES);
        body.release();
        assertThat(ok.finish()).isFalse();

        EmbeddedChannel tooLong = new EmbeddedChannel(Frames.decoder());
        ByteBuf header = Unpooled.buffer().writeInt(WireLimits.MAX_FRAME_BYTES + 1);
        assertThatThrownBy(() -> tooLong.writeInbound(header)).isInstanceOf(TooLongFrameException.class);
        tooLong.finishAndReleaseAll();
    }

    @Test
    void rejectsANegativeLength() {
        EmbeddedChannel ch = new EmbeddedChannel(Frames.decoder());
        assertThatThrownBy(() -> ch.writeInbound(Unpooled.buffer().writeInt(-1)))
                .isInstanceOf(DecoderException.class);
        ch.finishAndReleaseAll();
    }

    @Test
    void rejectsGarbageBodies() {
        byte[][] bodies = {
            {(byte) 0xff, (byte) 0xff, (byte) 0xff},
            {0x0a, 0x7f},
            {0x0a, 0x02, 0x0a, 0x05},
        };
        for (byte[] body : bodies) {
            EmbeddedChannel ch = channel();
            assertThatThrownBy(() -> ch.writeInbound(frame(body))).isInstanceOf(DecoderException.class);
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void rejectsOffersOutsideTheirBounds() {
        List<byte[]> bad = new ArrayList<>();
        bad.add(LinkFrame.newBuilder().setOffer(Offer.getDefaultInstance()).build().toByteArray());
        bad.add(LinkFrame.newBuilder().setOffer(Offer.newBuilder()
                .addIds(com.google.protobuf.ByteString.copyFrom(new byte[31]))).build().toByteArray());
        Offer.Builder tooMany = Offer.newBuilder();
        for (int i = 0; i <= SyncLimits.MAX_IDS_PER_RECORD; i++) {
            tooMany.addIds(com.google.protobuf.ByteString.copyFrom(id(i).bytes()));
        }
        bad.add(LinkFrame.newBuilder().setOffer(tooMany).build().toByteArray());
        for (byte[] body : bad) {
            EmbeddedChannel ch = channel();
            assertThatThrownBy(() -> ch.writeInbound(frame(body))).isInstanceOf(MalformedRecordException.class);
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void rejectsEnvelopesAtTheHopLimit() {
        byte[] body = LinkFrame.newBuilder().setEnvelope(org.habarshy.proto.v1.EnvelopeTransfer.newBuilder()
                .setEnvelope(com.google.protobuf.ByteString.copyFrom(new byte[EnvelopeFormat.MIN_BYTES]))
                .setHops(SyncLimits.MAX_HOPS)).build().toByteArray();
        EmbeddedChannel ch = channel();
        assertThatThrownBy(() -> ch.writeInbound(frame(body))).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("hop count " + SyncLimits.MAX_HOPS);
        ch.finishAndReleaseAll();
    }

    @Test
    void skipsFrameKindsFromNewerVersions() {
        // Field 99 is unknown to this version; the oneof is unset, so the frame is skipped, not fatal.
        byte[] body = {(byte) 0x9a, 0x06, 0x00};
        EmbeddedChannel ch = channel();
        assertThat(ch.writeInbound(frame(body))).isFalse();
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.isActive()).isTrue();
        assertThat(ch.finish()).isFalse();
    }
}

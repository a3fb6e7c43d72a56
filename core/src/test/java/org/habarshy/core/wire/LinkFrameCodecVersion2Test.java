package org.habarshy.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.List;
import org.habarshy.core.sync.PingRecord;
import org.habarshy.core.sync.PongRecord;
import org.habarshy.core.sync.ReconcileRecord;
import org.habarshy.core.sync.reconcile.ReconcileLimits;
import org.habarshy.proto.v1.LinkFrame;
import org.habarshy.proto.v1.LinkHello;
import org.habarshy.proto.v1.Reconcile;
import org.junit.jupiter.api.Test;

/** The frames of sync version 2 (Reconcile, Ping, Pong) and the unsigned hello version. */
class LinkFrameCodecVersion2Test {
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

    private static byte[] reconcileBody(int messageBytes) {
        return LinkFrame.newBuilder().setReconcile(Reconcile.newBuilder()
                .setMessage(ByteString.copyFrom(new byte[messageBytes]))).build().toByteArray();
    }

    @Test
    void roundTripsReconcilePingAndPong() {
        byte[] message = {0x02, 0x00, 0x01};
        for (Object record : List.of(new ReconcileRecord(message), new PingRecord(-1L), new PongRecord(42))) {
            EmbeddedChannel ch = channel();
            assertThat(ch.writeInbound(encode(record))).isTrue();
            assertThat((Object) ch.readInbound()).isEqualTo(record);
            assertThat(ch.finish()).isFalse();
        }
    }

    @Test
    void acceptsTheLargestReconcileMessageDeliveredByteByByte() {
        byte[] largest = new byte[ReconcileLimits.MAX_MESSAGE_BYTES];
        largest[0] = 0x02;
        largest[largest.length - 1] = 0x7f;
        ReconcileRecord record = new ReconcileRecord(largest);
        ByteBuf wire = encode(record);
        EmbeddedChannel ch = channel();
        while (wire.readableBytes() > 1) {
            assertThat(ch.writeInbound(wire.readRetainedSlice(1))).isFalse();
        }
        assertThat(ch.writeInbound(wire.readRetainedSlice(1))).isTrue();
        wire.release();
        assertThat((Object) ch.readInbound()).isEqualTo(record);
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void rejectsAReconcileMessageOneByteOverTheLimitAndAnEmptyOne() {
        for (int size : new int[] {ReconcileLimits.MAX_MESSAGE_BYTES + 1, 0}) {
            EmbeddedChannel ch = channel();
            assertThatThrownBy(() -> ch.writeInbound(frame(reconcileBody(size))))
                    .isInstanceOf(MalformedRecordException.class).hasMessageContaining("reconcile message of " + size);
            assertThat(ch.finishAndReleaseAll()).isFalse();
        }
        assertThatThrownBy(() -> new ReconcileRecord(new byte[ReconcileLimits.MAX_MESSAGE_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsGarbageInsideAReconcileFrame() {
        byte[][] bodies = {
            {0x2a, 0x05, 0x0a, 0x7f},              // field 5, message claims 127 bytes, has 2
            {0x2a, (byte) 0xff, (byte) 0xff, 0x03},  // length running past the frame
            {0x32, 0x03, 0x09, 0x01, 0x02},          // a ping whose fixed64 is cut short
        };
        for (byte[] body : bodies) {
            EmbeddedChannel ch = channel();
            assertThatThrownBy(() -> ch.writeInbound(frame(body))).isInstanceOf(DecoderException.class);
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void helloVersionsAreUnsigned() throws MalformedRecordException {
        byte[] huge = LinkHello.newBuilder().setProtocolVersion(0xFFFF_FFFF).build().toByteArray();
        assertThat(HelloCodec.decodeVersion(huge)).isEqualTo(4_294_967_295L);
        byte[] high = LinkHello.newBuilder().setProtocolVersion(Integer.MIN_VALUE).build().toByteArray();
        assertThat(HelloCodec.decodeVersion(high)).isEqualTo(1L << 31);
        assertThat(HelloCodec.decodeVersion(HelloCodec.encode(2))).isEqualTo(2);
    }
}

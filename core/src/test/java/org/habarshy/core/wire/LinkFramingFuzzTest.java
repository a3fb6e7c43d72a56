package org.habarshy.core.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.habarshy.core.testing.RecordingSink;
import org.habarshy.core.testing.SeedCorpus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the first two inbound stages of a link with raw peer bytes: the length-prefix framing
 * ({@link Frames#decoder()}) and the record decoder ({@link LinkFrameCodec}). Whatever the bytes, the only
 * allowed outcomes are those of {@link RecordOracle}, and every buffer must be released.
 */
@Tag("jazzer")
class LinkFramingFuzzTest {
    @FuzzTest
    void framesAndRecords(byte[] stream) {
        UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(false);
        RecordingSink sink = new RecordingSink();
        EmbeddedChannel channel = new EmbeddedChannel(Frames.decoder(), LinkFrameCodec.INSTANCE, sink);
        channel.config().setAllocator(alloc);
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
        if (alloc.metric().usedHeapMemory() != 0 || alloc.metric().usedDirectMemory() != 0) {
            throw new AssertionError("a buffer was not released");
        }
    }

    @Test
    void seedCorpusMatchesItsRecipe() throws IOException {
        SeedCorpus.check(LinkFramingFuzzTest.class, "framesAndRecords", seeds());
    }

    /** Every body of {@link LinkFrameBodies} framed, plus streams that break the framing itself. */
    static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> body : LinkFrameBodies.all().entrySet()) {
            seeds.put(body.getKey(), framed(body.getValue()));
        }
        byte[] offer = LinkFrameBodies.all().get("offer-1-id");
        byte[] offerDone = LinkFrameBodies.all().get("offer-done");
        seeds.put("two-frames", concat(framed(offer), framed(offerDone)));
        seeds.put("length-prefix-truncated", new byte[] {0, 0, 1});
        seeds.put("frame-truncated", ByteBuffer.allocate(4 + 10).putInt(100).array());
        seeds.put("length-max", framed(LinkFrameBodies.unknownKindOfSize(WireLimits.MAX_FRAME_BYTES)));
        seeds.put("length-max-plus-1", ByteBuffer.allocate(4 + 16).putInt(WireLimits.MAX_FRAME_BYTES + 1).array());
        seeds.put("length-negative", ByteBuffer.allocate(4 + 4).putInt(-1).array());
        seeds.put("length-2pow31", ByteBuffer.allocate(4 + 4).putInt(Integer.MIN_VALUE).array());
        seeds.put("frame-then-length-max-plus-1", concat(framed(offer),
                ByteBuffer.allocate(4).putInt(WireLimits.MAX_FRAME_BYTES + 1).array()));
        return seeds;
    }

    static byte[] framed(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}

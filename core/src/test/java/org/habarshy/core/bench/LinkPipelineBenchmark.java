package org.habarshy.core.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.link.LinkHandshakeHandler;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.wire.Frames;
import org.habarshy.core.wire.LinkFrameCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU cost of one envelope record through the link pipeline of both ends, without sockets: the sender's
 * {@link LinkFrameCodec}, link cipher and length prefix, then the receiver's frame decoder, link cipher and
 * {@link LinkFrameCodec}, on two {@link EmbeddedChannel}s after a real Noise handshake. The sender's output is
 * copied into one pooled direct buffer before the receiver reads it, as a socket read would deliver it. One
 * thread does both ends, so the score is sender + receiver work per envelope; {@link LinkThroughputBench}
 * measures the same pipeline on real sockets.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class LinkPipelineBenchmark {
    /** Envelope size in bytes. */
    @Param({"200", "65536"})
    int size;

    private final SecureRandom random = new SecureRandom();
    private EmbeddedChannel sender;
    private EmbeddedChannel receiver;
    private byte[] envelope;

    @Setup(Level.Trial)
    public void setUp() {
        envelope = new byte[size];
        random.nextBytes(envelope);
        sender = channel(true);
        receiver = channel(false);
        // Handshake: three messages, then both ends have installed the link cipher.
        for (int i = 0; i < 3; i++) {
            transfer(sender, receiver);
            transfer(receiver, sender);
        }
        if (sender.pipeline().get("handshake") != null || receiver.pipeline().get("handshake") != null) {
            throw new IllegalStateException("handshake did not complete");
        }
    }

    private EmbeddedChannel channel(boolean initiator) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.pipeline().addLast("frameDecoder", Frames.decoder())
                .addLast("framePrepender", Frames.prepender())
                .addLast("handshake", new LinkHandshakeHandler(initiator, AgreementKeyPair.generate(random), random))
                .addLast("records", LinkFrameCodec.INSTANCE);
        ch.pipeline().fireChannelActive();
        return ch;
    }

    /** Moves everything {@code from} wrote to {@code to}, as one direct buffer (like a socket read). */
    private static void transfer(EmbeddedChannel from, EmbeddedChannel to) {
        ByteBuf wire = null;
        ByteBuf part;
        while ((part = from.readOutbound()) != null) {
            if (wire == null) {
                wire = ByteBufAllocator.DEFAULT.directBuffer(part.readableBytes() + 64 * 1024);
            }
            wire.writeBytes(part);
            part.release();
        }
        if (wire != null) {
            to.writeInbound(wire);
        }
    }

    /** One envelope record from the sender's pipeline into the receiver's, decoded. */
    @Benchmark
    public Object sendAndReceive() {
        sender.writeOutbound(new EnvelopeRecord(envelope, 0));
        transfer(sender, receiver);
        Object record = receiver.readInbound();
        if (!(record instanceof EnvelopeRecord)) {
            throw new IllegalStateException("received " + record);
        }
        return record;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sender.finishAndReleaseAll();
        receiver.finishAndReleaseAll();
    }
}

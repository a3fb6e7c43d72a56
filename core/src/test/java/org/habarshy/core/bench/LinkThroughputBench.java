package org.habarshy.core.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.link.LinkEstablishedEvent;
import org.habarshy.core.link.LinkHandshakeHandler;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.wire.Frames;
import org.habarshy.core.wire.LinkFrameCodec;

/**
 * Throughput of one link, one way, over loopback TCP: N envelope records pushed as fast as the sender's
 * writability allows through the real link pipeline ({@link Frames}, {@link LinkHandshakeHandler} and the
 * link cipher it installs, {@link LinkFrameCodec}) into a handler that counts decoded {@link EnvelopeRecord}s;
 * and, for comparison, the same envelope bytes as plain length-prefixed frames (no cipher, no protobuf) into a
 * counting sink, the physical limit of Netty on this machine. Sender and receiver each run on their own
 * one-thread event loop, like two nodes. No sync session, no database.
 *
 * <p>Reported per case: envelopes/s and MB/s (10^6 envelope bytes per second, mean ± sample standard
 * deviation over the measured rounds), and the CPU time the sender and receiver event-loop threads spent per
 * envelope, which depends much less on the load of other processes than wall-clock rates do.
 *
 * <p>Run: {@code scripts/bench-main.sh LinkThroughputBench [--rounds R] [--warmup W] [--small N] [--large N]};
 * a count of 0 skips that size.
 */
public final class LinkThroughputBench {
    private static final int SMALL_BYTES = 200;
    private static final int LARGE_BYTES = 64 * 1024;
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(512 * 1024, 2 * 1024 * 1024);
    private static final int FLUSH_EVERY = 32;
    private static final long ROUND_TIMEOUT_SECONDS = 300;

    private final EventLoopGroup senderGroup = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("bench-sender", true), NioIoHandler.newFactory());
    private final EventLoopGroup receiverGroup = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("bench-receiver", true), NioIoHandler.newFactory());
    private final SecureRandom random = new SecureRandom();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long senderThread;
    private final long receiverThread;

    private LinkThroughputBench() throws Exception {
        senderThread = senderGroup.next().submit(() -> Thread.currentThread().getId()).get();
        receiverThread = receiverGroup.next().submit(() -> Thread.currentThread().getId()).get();
    }

    /** Which pipeline a round uses. */
    enum Mode {
        /** Frames + Noise handshake + link cipher + LinkFrame protobuf, as LinkInitializer builds it. */
        LINK,
        /** Length-prefixed frames of the raw envelope bytes only. */
        PLAIN
    }

    /** One measured round. */
    record Round(long envelopes, long envelopeBytes, long nanos, long senderCpuNanos, long receiverCpuNanos) {
        double envelopesPerSecond() {
            return envelopes * 1e9 / nanos;
        }

        double megabytesPerSecond() {
            return envelopeBytes * 1e3 / nanos;
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int warmup = 2;
        int small = 100_000;
        int large = 5_000;
        for (int i = 0; i < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--rounds" -> rounds = value;
                case "--warmup" -> warmup = value;
                case "--small" -> small = value;
                case "--large" -> large = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LinkThroughputBench bench = new LinkThroughputBench();
        try {
            System.out.printf(Locale.ROOT, "rounds=%d warmup=%d small=%d x %d B, large=%d x %d B, cpus=%d%n",
                    rounds, warmup, small, SMALL_BYTES, large, LARGE_BYTES, Runtime.getRuntime().availableProcessors());
            System.out.println("| pipeline | envelope | count | envelopes/s | MB/s | sender CPU µs/env | receiver CPU µs/env |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|");
            for (int size : new int[] {SMALL_BYTES, LARGE_BYTES}) {
                int count = size == SMALL_BYTES ? small : large;
                if (count == 0) {
                    continue;
                }
                byte[] envelope = bench.envelopeOfSize(size);
                for (Mode mode : Mode.values()) {
                    List<Round> results = bench.run(mode, envelope, count, warmup, rounds);
                    System.out.println(row(mode, size, count, results));
                }
            }
        } finally {
            bench.close();
        }
    }

    /** Returns a real sealed envelope of exactly {@code size} bytes. */
    private byte[] envelopeOfSize(int size) {
        EnvelopeSealer sealer = new EnvelopeSealer(SigningKeyPair.generate(random), AgreementKeyPair.generate(random),
                random);
        long now = System.currentTimeMillis();
        byte[] envelope = sealer.seal(AgreementKeyPair.generate(random).publicKey(), new byte[size - 194], now,
                now + TimeUnit.DAYS.toMillis(7));
        if (envelope.length != size) {
            throw new IllegalStateException("envelope of " + envelope.length + " bytes");
        }
        return envelope;
    }

    private List<Round> run(Mode mode, byte[] envelope, int count, int warmup, int rounds) throws Exception {
        List<Round> measured = new ArrayList<>();
        for (int i = 0; i < warmup + rounds; i++) {
            Round round = round(mode, envelope, count);
            if (i >= warmup) {
                measured.add(round);
            }
        }
        return measured;
    }

    private Round round(Mode mode, byte[] envelope, int count) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Sender sender = new Sender(mode == Mode.LINK ? () -> new EnvelopeRecord(envelope, 0)
                : () -> Unpooled.wrappedBuffer(envelope), count, mode == Mode.PLAIN, failure, done);
        Receiver receiver = new Receiver(envelope.length, count, failure, done);
        AgreementKeyPair senderKey = AgreementKeyPair.generate(random);
        AgreementKeyPair receiverKey = AgreementKeyPair.generate(random);

        Channel server = new ServerBootstrap().group(receiverGroup).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(pipeline(mode, false, receiverKey, receiver))
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        Channel client = null;
        try {
            long senderCpu0 = cpu(senderThread);
            long receiverCpu0 = cpu(receiverThread);
            client = new Bootstrap().group(senderGroup).channel(NioSocketChannel.class)
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                    .handler(pipeline(mode, true, senderKey, sender))
                    .connect(server.localAddress()).sync().channel();
            if (!done.await(ROUND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("round timed out after " + receiver.received + " envelopes");
            }
            if (failure.get() != null) {
                throw new IllegalStateException("round failed", failure.get());
            }
            // The CPU window includes the handshake (three X25519 per side), negligible next to N envelopes.
            return new Round(count, (long) count * envelope.length, receiver.endNanos - sender.startNanos,
                    cpu(senderThread) - senderCpu0, cpu(receiverThread) - receiverCpu0);
        } finally {
            if (client != null) {
                client.close().sync();
            }
            server.close().sync();
        }
    }

    private long cpu(long threadId) {
        return threads.getThreadCpuTime(threadId);
    }

    private ChannelInitializer<Channel> pipeline(Mode mode, boolean initiator, AgreementKeyPair key,
                                                 ChannelHandler last) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (mode == Mode.LINK) {
                    ch.pipeline()
                            .addLast("frameDecoder", Frames.decoder())
                            .addLast("framePrepender", Frames.prepender())
                            .addLast("handshake", new LinkHandshakeHandler(initiator, key, random))
                            .addLast("records", LinkFrameCodec.INSTANCE)
                            .addLast("bench", last);
                } else {
                    ch.pipeline()
                            .addLast("frameDecoder", Frames.decoder())
                            .addLast("framePrepender", Frames.prepender())
                            .addLast("bench", last);
                }
            }
        };
    }

    /** Writes {@code count} messages while the channel is writable, resuming when it becomes writable again. */
    private static final class Sender extends ChannelInboundHandlerAdapter {
        private final Supplier<Object> messages;
        private final boolean startOnActive;
        private final AtomicReference<Throwable> failure;
        private final CountDownLatch done;
        private int remaining;
        private boolean started;
        volatile long startNanos;

        Sender(Supplier<Object> messages, int count, boolean startOnActive, AtomicReference<Throwable> failure,
               CountDownLatch done) {
            this.messages = messages;
            this.remaining = count;
            this.startOnActive = startOnActive;
            this.failure = failure;
            this.done = done;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            super.channelActive(ctx);
            if (startOnActive) {
                start(ctx);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof LinkEstablishedEvent) {
                start(ctx);
            }
            super.userEventTriggered(ctx, evt);
        }

        private void start(ChannelHandlerContext ctx) {
            started = true;
            startNanos = System.nanoTime();
            pump(ctx);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            if (started && ctx.channel().isWritable()) {
                pump(ctx);
            }
            super.channelWritabilityChanged(ctx);
        }

        private void pump(ChannelHandlerContext ctx) {
            int unflushed = 0;
            while (remaining > 0 && ctx.channel().isWritable()) {
                ctx.write(messages.get(), ctx.voidPromise());
                remaining--;
                if (++unflushed == FLUSH_EVERY) {
                    ctx.flush();
                    unflushed = 0;
                }
            }
            ctx.flush();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failure.compareAndSet(null, cause);
            done.countDown();
            ctx.close();
        }
    }

    /** Counts envelopes (decoded records, or plain frames) of the expected size. */
    @ChannelHandler.Sharable
    private static final class Receiver extends ChannelInboundHandlerAdapter {
        private final int size;
        private final int expected;
        private final AtomicReference<Throwable> failure;
        private final CountDownLatch done;
        volatile int received;
        volatile long endNanos;

        Receiver(int size, int expected, AtomicReference<Throwable> failure, CountDownLatch done) {
            this.size = size;
            this.expected = expected;
            this.failure = failure;
            this.done = done;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            int bytes;
            if (msg instanceof EnvelopeRecord record) {
                bytes = record.envelope().length;
            } else if (msg instanceof ByteBuf buf) {
                bytes = buf.readableBytes();
                buf.release();
            } else {
                ReferenceCountUtil.release(msg);
                throw new IllegalStateException("unexpected " + msg.getClass().getSimpleName());
            }
            if (bytes != size) {
                throw new IllegalStateException("envelope of " + bytes + " bytes, expected " + size);
            }
            if (++received == expected) {
                endNanos = System.nanoTime();
                done.countDown();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failure.compareAndSet(null, cause);
            done.countDown();
            ctx.close();
        }
    }

    private static String row(Mode mode, int size, int count, List<Round> rounds) {
        double[] rate = rounds.stream().mapToDouble(Round::envelopesPerSecond).toArray();
        double[] mb = rounds.stream().mapToDouble(Round::megabytesPerSecond).toArray();
        double senderCpu = rounds.stream().mapToDouble(r -> r.senderCpuNanos() / 1e3 / r.envelopes()).average()
                .orElse(Double.NaN);
        double receiverCpu = rounds.stream().mapToDouble(r -> r.receiverCpuNanos() / 1e3 / r.envelopes()).average()
                .orElse(Double.NaN);
        return String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f ± %,.0f | %,.1f ± %,.1f | %.2f | %.2f |",
                mode == Mode.LINK ? "link (real)" : "plain frames", size == SMALL_BYTES ? "200 B" : "64 KiB", count,
                mean(rate), sd(rate), mean(mb), sd(mb), senderCpu, receiverCpu);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    private void close() {
        senderGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        receiverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}

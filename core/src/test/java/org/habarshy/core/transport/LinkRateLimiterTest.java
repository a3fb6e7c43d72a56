package org.habarshy.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.habarshy.core.routing.FloodCounters;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.sync.OfferDoneRecord;
import org.junit.jupiter.api.Test;

/** The limiter in a channel whose time (Netty's and the buckets') the test moves. */
class LinkRateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger readsReachingTheSocket = new AtomicInteger();
    private final FloodCounters counters = new FloodCounters();

    private EmbeddedChannel channel(long envelopesPerSecond, long bytesPerSecond) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void read(ChannelHandlerContext ctx) {
                readsReachingTheSocket.incrementAndGet();
                ctx.read();
            }
        });
        ch.pipeline().addLast(new LinkRateLimiter(envelopesPerSecond, bytesPerSecond, counters, nanos::get));
        return ch;
    }

    private static EnvelopeRecord envelope(int size) {
        return new EnvelopeRecord(new byte[size], 0);
    }

    private static void advance(EmbeddedChannel ch, AtomicLong nanos, long by) {
        nanos.addAndGet(by);
        ch.advanceTimeBy(by, TimeUnit.NANOSECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void pausesReadingWhenTheEnvelopeRateIsExceededAndResumesWhenPaidBack() {
        EmbeddedChannel ch = channel(2, 1_000_000);
        ch.writeInbound(envelope(200), envelope(200));
        assertThat(ch.config().isAutoRead()).isTrue();
        ch.writeInbound(envelope(200));
        assertThat(ch.config().isAutoRead()).as("third envelope within a second").isFalse();
        assertThat(counters.throttled()).isEqualTo(1);

        int before = readsReachingTheSocket.get();
        ch.read();
        assertThat(readsReachingTheSocket.get()).as("read() held back while paused").isEqualTo(before);

        advance(ch, nanos, SECOND / 4);
        assertThat(ch.config().isAutoRead()).as("still in debt").isFalse();
        advance(ch, nanos, SECOND / 4);
        assertThat(ch.config().isAutoRead()).isTrue();
        assertThat(readsReachingTheSocket.get()).isGreaterThan(before);

        // Every record read was passed on: nothing is dropped.
        for (int i = 0; i < 3; i++) {
            assertThat((Object) ch.readInbound()).isInstanceOf(EnvelopeRecord.class);
        }
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void resumesReadingEvenWhenAnotherHandlerTurnedAutoReadOnWhilePaused() {
        EmbeddedChannel ch = channel(1, 1_000_000);
        ch.writeInbound(envelope(200), envelope(200));
        assertThat(ch.config().isAutoRead()).isFalse();
        // SyncChannelHandler's queue drained: it turns autoRead on; the read this requests is held back.
        ch.config().setAutoRead(true);
        assertThat(ch.config().isAutoRead()).isTrue();
        ch.writeInbound(envelope(200));
        assertThat(ch.config().isAutoRead()).as("a record in debt stops reading again").isFalse();
        ch.config().setAutoRead(true);

        int before = readsReachingTheSocket.get();
        advance(ch, nanos, 2 * SECOND);
        assertThat(readsReachingTheSocket.get()).as("the paid-back link asks the socket for more")
                .isGreaterThan(before);
        assertThat(ch.config().isAutoRead()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void pausesOnBytesAloneAndIgnoresOtherRecords() {
        EmbeddedChannel ch = channel(1_000, 1_000);
        for (int i = 0; i < 100; i++) {
            ch.writeInbound(new OfferDoneRecord());
        }
        assertThat(ch.config().isAutoRead()).isTrue();
        ch.writeInbound(envelope(3_000));
        assertThat(ch.config().isAutoRead()).isFalse();
        advance(ch, nanos, SECOND);
        assertThat(ch.config().isAutoRead()).as("2,000 bytes of debt take 2 s").isFalse();
        advance(ch, nanos, SECOND);
        assertThat(ch.config().isAutoRead()).isTrue();
        ch.finishAndReleaseAll();
    }
}

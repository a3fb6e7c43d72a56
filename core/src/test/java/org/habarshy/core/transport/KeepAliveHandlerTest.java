package org.habarshy.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.link.LinkEstablishedEvent;
import org.habarshy.core.sync.OfferDoneRecord;
import org.habarshy.core.sync.PingRecord;
import org.habarshy.core.sync.PongRecord;
import org.habarshy.core.testing.RecordingSink;
import org.junit.jupiter.api.Test;

/** Dead-link detection on a frozen clock: pings after half the timeout, closes after the whole. */
class KeepAliveHandlerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private static EmbeddedChannel link(int version, RecordingSink sink) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new IdleStateHandler(KeepAliveHandler.pingInterval(TIMEOUT).toMillis(), 0, 0,
                TimeUnit.MILLISECONDS), new KeepAliveHandler(TIMEOUT), sink);
        ch.pipeline().fireUserEventTriggered(new LinkEstablishedEvent(new byte[32], true, version));
        return ch;
    }

    private static void advance(EmbeddedChannel ch, Duration by) {
        ch.advanceTimeBy(by.toMillis(), TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        ch.runPendingTasks();
    }

    @Test
    void aSilentPeerIsPingedAtHalfTheTimeoutAndDroppedAtTheTimeout() {
        RecordingSink sink = new RecordingSink();
        EmbeddedChannel ch = link(2, sink);
        advance(ch, Duration.ofSeconds(19));
        assertThat((Object) ch.readOutbound()).isNull();
        advance(ch, Duration.ofSeconds(2));
        assertThat((Object) ch.readOutbound()).isInstanceOf(PingRecord.class);
        assertThat(ch.isActive()).isTrue();
        advance(ch, Duration.ofSeconds(20));
        assertThat(ch.isActive()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void anAnsweringPeerKeepsTheLinkAndPongsDoNotReachTheSession() {
        RecordingSink sink = new RecordingSink();
        EmbeddedChannel ch = link(2, sink);
        for (int i = 0; i < 10; i++) {
            advance(ch, Duration.ofSeconds(21));
            PingRecord ping = ch.readOutbound();
            assertThat(ping).isNotNull();
            ch.writeInbound(new PongRecord(ping.nonce()));
        }
        assertThat(ch.isActive()).isTrue();
        assertThat(sink.messages()).isEmpty();
        ch.writeInbound(new OfferDoneRecord());
        assertThat(sink.messages()).containsExactly(new OfferDoneRecord());
        ch.finishAndReleaseAll();
    }

    @Test
    void pingsFromThePeerAreAnsweredOnTheSpot() {
        RecordingSink sink = new RecordingSink();
        EmbeddedChannel ch = link(2, sink);
        ch.writeInbound(new PingRecord(77));
        assertThat((Object) ch.readOutbound()).isEqualTo(new PongRecord(77));
        assertThat(sink.messages()).isEmpty();
        ch.finishAndReleaseAll();
    }

    @Test
    void aVersion1PeerIsNotPingedAndIsDroppedAfterTenQuietMinutes() {
        RecordingSink sink = new RecordingSink();
        EmbeddedChannel ch = link(1, sink);
        advance(ch, Duration.ofMinutes(9));
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(ch.isActive()).isTrue();
        advance(ch, Duration.ofMinutes(1).plusSeconds(1));
        assertThat(ch.isActive()).isFalse();
        ch.finishAndReleaseAll();
    }
}

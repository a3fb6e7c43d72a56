package org.habarshy.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reconnection of {@link PeerConnector}, with connections that succeed at once (embedded channels) and real
 * backoff timers on an event loop.
 */
class PeerConnectorTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 7454);
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final List<EmbeddedChannel> connections = new CopyOnWriteArrayList<>();
    private final List<InetSocketAddress> connected = new CopyOnWriteArrayList<>();
    private final PeerConnector connector = new PeerConnector(loop, this::connect, connected::add);

    private ChannelFuture connect(InetSocketAddress address) {
        EmbeddedChannel channel = new EmbeddedChannel();
        connections.add(channel);
        return channel.newSucceededFuture();
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void reconnectsAfterAConnectionDrops() throws Exception {
        connector.add(PEER, false);
        Await.until("connected", LIMIT, () -> connected.size() == 1);

        connections.get(0).close();

        Await.until("a second attempt after the backoff", LIMIT, () -> connections.size() == 2);
    }

    /** A peer that went away (mDNS) while its connection was still open: once that connection drops, let it go. */
    @Test
    void doesNotReconnectToAForgottenPeerWhoseConnectionWasOpenWhenForgotten() throws Exception {
        connector.add(PEER, false);
        Await.until("connected", LIMIT, () -> connected.size() == 1);
        connector.forget(PEER);
        loop.submit(() -> { }).sync();

        connections.get(0).close();
        Thread.sleep(PeerConnector.MIN_BACKOFF.multipliedBy(3).toMillis());

        assertThat(connections).as("connection attempts").hasSize(1);
    }

    /** The peer was found again before its old connection dropped: it is wanted again. */
    @Test
    void reconnectsToAPeerFoundAgainAfterItWasForgotten() throws Exception {
        connector.add(PEER, false);
        Await.until("connected", LIMIT, () -> connected.size() == 1);
        connector.forget(PEER);
        connector.add(PEER, false);

        connections.get(0).close();

        Await.until("a second attempt after the backoff", LIMIT, () -> connections.size() == 2);
    }

    @Test
    void keepsReconnectingToAPermanentPeerEvenIfForgotten() throws Exception {
        connector.add(PEER, true);
        Await.until("connected", LIMIT, () -> connected.size() == 1);
        connector.forget(PEER);

        connections.get(0).close();

        Await.until("a second attempt after the backoff", LIMIT, () -> connections.size() == 2);
    }

    /** Links drop while the node shuts its event loops down; that must not log a rejected-task failure. */
    @Test
    void aConnectionThatClosesAfterShutdownLogsNothing() throws Exception {
        connector.add(PEER, false);
        Await.until("connected", LIMIT, () -> connected.size() == 1);
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();

            connections.get(0).close();
        } finally {
            root.removeHandler(capture);
        }

        assertThat(warnings).extracting(LogRecord::getThrown).as("warnings logged").isEmpty();
    }
}

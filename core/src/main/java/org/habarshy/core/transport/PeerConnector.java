package org.habarshy.core.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps outgoing connections to the peers the node wants: static ({@code --peer}), discovered by
 * mDNS, and remembered from earlier runs. A failed or dropped connection is retried after a backoff
 * that doubles from {@link #MIN_BACKOFF} to {@link #MAX_BACKOFF}, and resets once a link has stayed
 * up for {@link #STABLE}. Confined to one event loop.
 */
public final class PeerConnector {
    static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    static final Duration STABLE = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(PeerConnector.class.getName());

    private final EventLoop loop;
    private final Function<InetSocketAddress, ChannelFuture> connect;
    private final Consumer<InetSocketAddress> onConnected;
    private final Map<InetSocketAddress, Target> targets = new HashMap<>();
    private boolean closed;

    private static final class Target {
        final boolean permanent;
        Duration backoff = MIN_BACKOFF;
        Channel channel;
        boolean pending;
        /** Forgotten while connected: dropped, not retried, when that connection closes. */
        boolean forgotten;
        long connectedAt;

        Target(boolean permanent) {
            this.permanent = permanent;
        }
    }

    /**
     * Creates a connector.
     *
     * @param connect opens a connection (the link pipeline is installed by the bootstrap)
     * @param onConnected told of each address a connection was made to (to remember it)
     */
    public PeerConnector(EventLoop loop, Function<InetSocketAddress, ChannelFuture> connect,
                         Consumer<InetSocketAddress> onConnected) {
        this.loop = loop;
        this.connect = connect;
        this.onConnected = onConnected;
    }

    /** Adds a peer to keep connected to; permanent peers are never dropped by {@link #forget}. */
    public void add(InetSocketAddress address, boolean permanent) {
        onLoop(() -> {
            Target existing = targets.get(address);
            if (existing != null) {
                existing.forgotten = false;
                return;
            }
            if (closed) {
                return;
            }
            targets.put(address, new Target(permanent));
            attempt(address);
        });
    }

    /** Stops reconnecting to a peer that went away; an open connection stays until it drops, and is not redialled. */
    public void forget(InetSocketAddress address) {
        onLoop(() -> {
            Target target = targets.get(address);
            if (target == null || target.permanent) {
                return;
            }
            if (target.channel == null) {
                targets.remove(address);
            } else {
                target.forgotten = true;
            }
        });
    }

    /** Stops all reconnection; open channels are closed by the caller's event loop shutdown. */
    public void close() {
        onLoop(() -> closed = true);
    }

    private void attempt(InetSocketAddress address) {
        Target target = targets.get(address);
        if (closed || target == null || target.pending || target.channel != null) {
            return;
        }
        target.pending = true;
        connect.apply(address).addListener((ChannelFuture f) -> onLoop(() -> connected(address, f)));
    }

    private void connected(InetSocketAddress address, ChannelFuture future) {
        Target target = targets.get(address);
        if (target == null) {
            if (future.isSuccess()) {
                future.channel().close();
            }
            return;
        }
        target.pending = false;
        if (!future.isSuccess()) {
            LOG.log(System.Logger.Level.DEBUG, "cannot reach {0}; retrying in {1}s", AddressScrub.of(address),
                    target.backoff.toSeconds());
            retryLater(address, target);
            return;
        }
        target.channel = future.channel();
        target.connectedAt = System.nanoTime();
        onConnected.accept(address);
        future.channel().closeFuture().addListener(c -> onLoop(() -> disconnected(address, target)));
    }

    private void disconnected(InetSocketAddress address, Target target) {
        target.channel = null;
        if (target.forgotten) {
            targets.remove(address, target);
            return;
        }
        if (System.nanoTime() - target.connectedAt > STABLE.toNanos()) {
            target.backoff = MIN_BACKOFF;
        }
        retryLater(address, target);
    }

    /**
     * Runs a task on the connector's loop. Channels close (and discovery reports peers) while the node's event
     * loops shut down; their tasks then have nothing left to do (no reconnection after shutdown), so a loop that no
     * longer accepts tasks is not an error.
     */
    private void onLoop(Runnable task) {
        if (loop.isShuttingDown()) {
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // Lost the race with shutdown: same as above.
        }
    }

    private void retryLater(InetSocketAddress address, Target target) {
        if (closed) {
            return;
        }
        Duration delay = target.backoff;
        target.backoff = delay.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay.multipliedBy(2);
        loop.schedule(() -> attempt(address), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}

package org.habarshy.relay.federation;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.proxy.ProxyHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.habarshy.relay.config.FederationPeer;
import org.habarshy.relay.config.Route;
import org.habarshy.relay.proxy.ProxyEndpoint;
import org.habarshy.relay.proxy.ProxyHandlers;
import org.habarshy.relay.proxy.ProxyHealth;
import org.habarshy.relay.proxy.TrustedProxyLists;
import org.habarshy.relay.status.Counter;
import org.habarshy.relay.status.FederationState;
import org.habarshy.relay.status.RelayCounters;

/**
 * Keeps one link to a federation peer, directly or through vetted proxies. For {@link Route#PROXY} the candidates
 * are the peer's configured proxies (each refused unless a trusted list names it) or else every proxy on a trusted
 * list; the first one not in a back-off is used. When a proxy fails to connect us, or a link through it breaks, it
 * goes into a back-off and the next candidate is tried at once. The sync protocol resumes where the broken link
 * stopped: the peer requests only what it still lacks, and envelopes are stored once by id, so a failover loses
 * and duplicates nothing. All state is confined to {@code executor} (one thread).
 */
public final class FederationLink implements AutoCloseable {
    /** Pause before redialling after a failure while another candidate is usable. */
    static final Duration NEXT_ATTEMPT = Duration.ofMillis(200);
    /** Pause before looking again when no candidate is usable. */
    static final Duration IDLE_RETRY = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(FederationLink.class.getName());

    private final FederationPeer peer;
    private final LinkOpener opener;
    private final TrustedProxyLists lists;
    private final ProxyHealth health;
    private final RelayCounters counters;
    private final ScheduledExecutorService executor;
    private final Duration proxyTimeout;
    private boolean closed;
    private boolean pending;
    private boolean retryScheduled;
    private final java.util.Set<ProxyEndpoint> reportedRefused = new java.util.HashSet<>();
    private Channel channel;
    private volatile String via = "-";
    private volatile boolean up;
    /** The current connection's peer presented a wrong link key. */
    private boolean wrongKey;

    /** Creates the link keeper; nothing happens until {@link #start()}. */
    public FederationLink(FederationPeer peer, LinkOpener opener, TrustedProxyLists lists, ProxyHealth health,
                          RelayCounters counters, ScheduledExecutorService executor, Duration proxyTimeout) {
        this.peer = peer;
        this.opener = opener;
        this.lists = lists;
        this.health = health;
        this.counters = counters;
        this.executor = executor;
        this.proxyTimeout = proxyTimeout;
    }

    /** Starts dialling. */
    public void start() {
        if (peer.linkKey().isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "federation peer {0}: no relay code configured "
                    + "(federation.{0}.code); its link key is not checked", peer.name());
        }
        executor.execute(this::attempt);
    }

    /** Looks again now (for example after a new proxy list arrived); harmless while linked. */
    public void poke() {
        executor.execute(this::attempt);
    }

    /** Returns the peer's state for status output; callable from any thread. */
    public FederationState state() {
        int usable = peer.route() == Route.DIRECT ? 0 : health.usable(candidates()).size();
        return new FederationState(peer.name(), up, via, usable);
    }

    /** Returns the proxies this peer may use now: configured ones that a trusted list names, or the lists' own. */
    List<ProxyEndpoint> candidates() {
        List<ProxyEndpoint> allowed = lists.allowed();
        if (peer.proxies().isEmpty()) {
            return allowed;
        }
        List<ProxyEndpoint> out = new ArrayList<>();
        for (ProxyEndpoint p : peer.proxies()) {
            if (allowed.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private void attempt() {
        if (closed || pending || channel != null) {
            return;
        }
        if (peer.route() == Route.DIRECT) {
            counters.increment(Counter.DIRECT_ATTEMPTS);
            dial(new InetSocketAddress(peer.host(), peer.port()), null, null, new ChannelInboundHandlerAdapter());
            return;
        }
        refuseUnlisted();
        List<ProxyEndpoint> usableNow = health.usable(candidates());
        if (usableNow.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "federation peer {0}: no usable vetted proxy; waiting", peer.name());
            retry(IDLE_RETRY);
            return;
        }
        ProxyEndpoint proxy = usableNow.get(0);
        ProxyHandler handler;
        try {
            handler = ProxyHandlers.create(proxy, proxyTimeout);
        } catch (RuntimeException e) {
            failed(proxy, "cannot set up the proxy");
            return;
        }
        counters.increment(Counter.PROXY_ATTEMPTS);
        ProxyHandler proxyHandler = handler;
        ChannelHandler front = new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast("proxy", proxyHandler).addLast("proxyFailures", new ProxyFailureHandler());
            }
        };
        dial(InetSocketAddress.createUnresolved(peer.host(), peer.port()), proxy, handler, front);
    }

    private void refuseUnlisted() {
        List<ProxyEndpoint> allowed = lists.allowed();
        for (ProxyEndpoint p : peer.proxies()) {
            if (allowed.contains(p)) {
                reportedRefused.remove(p);
            } else {
                counters.increment(Counter.PROXY_REFUSED);
                if (reportedRefused.add(p)) {
                    LOG.log(System.Logger.Level.WARNING,
                            "federation peer {0}: proxy {1} is on no trusted proxy list; refused", peer.name(),
                            p.label());
                }
            }
        }
    }

    private void dial(SocketAddress remote, ProxyEndpoint proxy, ProxyHandler handler, ChannelHandler front) {
        pending = true;
        wrongKey = false;
        String route = proxy == null ? "direct" : proxy.label();
        Supplier<ChannelHandler> pin = peer.linkKey().<Supplier<ChannelHandler>>map(key -> () -> new PeerKeyPin(
                key.bytes(), ch -> executor.execute(() -> pinned(ch, route)),
                ch -> executor.execute(() -> refusedKey(ch)))).orElse(null);
        ChannelFuture future = opener.open(remote, () -> front, pin);
        future.addListener((ChannelFuture f) -> executor.execute(() -> connected(f, proxy, handler)));
    }

    /** The peer proved the pinned link key in the handshake. */
    private void pinned(Channel ch, String route) {
        if (channel == ch && !closed) {
            linkUp(route);
        }
    }

    /** The peer presented another link key; its connection is being closed. */
    private void refusedKey(Channel ch) {
        if (channel != null && channel != ch) {
            return;
        }
        wrongKey = true;
        counters.increment(Counter.FEDERATION_WRONG_KEY);
        LOG.log(System.Logger.Level.WARNING, "federation peer {0}: the relay that answered presented a link key "
                + "other than the one in the configured relay code; link refused", peer.name());
    }

    private void connected(ChannelFuture future, ProxyEndpoint proxy, ProxyHandler handler) {
        pending = false;
        if (!future.isSuccess()) {
            if (proxy == null) {
                LOG.log(System.Logger.Level.INFO, "federation peer {0}: cannot connect directly", peer.name());
                retry(IDLE_RETRY);
            } else {
                failed(proxy, "cannot reach the proxy");
            }
            return;
        }
        Channel ch = future.channel();
        if (closed) {
            ch.close();
            return;
        }
        channel = ch;
        boolean pinning = peer.linkKey().isPresent();
        if (proxy == null) {
            if (!pinning) {
                linkUp("direct");
            }
        } else {
            handler.connectFuture().addListener(pf -> executor.execute(() -> {
                if (pf.isSuccess()) {
                    health.succeeded(proxy);
                    counters.increment(Counter.PROXY_CONNECTED);
                    if (!pinning) {
                        linkUp(proxy.label());
                    }
                }
                // A failure closes the channel; disconnected() accounts for it.
            }));
        }
        ch.closeFuture().addListener(c -> executor.execute(() -> disconnected(ch, proxy)));
    }

    private void linkUp(String route) {
        via = route;
        up = true;
        counters.increment(Counter.FEDERATION_LINKS_UP);
        LOG.log(System.Logger.Level.INFO, "federation peer {0}: link up via {1}", peer.name(), route);
    }

    private void disconnected(Channel ch, ProxyEndpoint proxy) {
        if (channel != ch) {
            return;
        }
        channel = null;
        boolean wasUp = up;
        up = false;
        via = "-";
        if (wasUp) {
            counters.increment(Counter.FEDERATION_LINKS_DOWN);
        }
        if (closed) {
            return;
        }
        if (proxy == null) {
            if (!wrongKey) {
                LOG.log(System.Logger.Level.INFO, "federation peer {0}: direct link closed; redialling", peer.name());
            }
            retry(IDLE_RETRY);
        } else if (wrongKey) {
            failed(proxy, "the relay behind the proxy presented a wrong link key");
        } else {
            failed(proxy, wasUp ? "link through the proxy broke" : "the proxy did not connect us");
        }
    }

    private void failed(ProxyEndpoint proxy, String what) {
        health.failed(proxy);
        counters.increment(Counter.PROXY_FAILURES);
        LOG.log(System.Logger.Level.WARNING, "federation peer {0}: {1} ({2}); trying the next vetted proxy",
                peer.name(), what, proxy.label());
        retry(NEXT_ATTEMPT);
    }

    /** Schedules one later attempt; at most one is pending, however often failures and pokes arrive. */
    private void retry(Duration delay) {
        if (closed || retryScheduled) {
            return;
        }
        retryScheduled = true;
        executor.schedule(() -> {
            retryScheduled = false;
            attempt();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops dialling and closes the link. */
    @Override
    public void close() {
        executor.execute(() -> {
            closed = true;
            if (channel != null) {
                channel.close();
            }
        });
    }
}

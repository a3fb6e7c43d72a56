package org.habarshy.core.node;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.CompactOpener;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.discovery.DiscoveredPeer;
import org.habarshy.core.discovery.MdnsPeerDiscovery;
import org.habarshy.core.discovery.PeerDiscovery;
import org.habarshy.core.discovery.PeerDiscoveryListener;
import org.habarshy.core.message.CompactInbox;
import org.habarshy.core.message.EnvelopeIngest;
import org.habarshy.core.message.Inbox;
import org.habarshy.core.message.LinkSyncStorage;
import org.habarshy.core.store.EnvelopeRef;
import org.habarshy.core.store.RememberedPeer;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.routing.CarryLimits;
import org.habarshy.core.routing.FloodCounters;
import org.habarshy.core.rtt.RealTimeText;
import org.habarshy.core.transport.LinkInitializer;
import org.habarshy.core.transport.LinkRateLimiter;
import org.habarshy.core.transport.LinkRegistry;
import org.habarshy.core.transport.SyncChannelHandler;
import org.habarshy.core.transport.TrafficCounter;
import org.habarshy.core.transport.PeerConnector;

/**
 * A running Habarshy node: listens for links, keeps connected to static, discovered and remembered
 * peers, syncs envelopes and opens those addressed to its user. Threads: Netty event loops
 * ("habarshy-io") for network I/O and link crypto, the account's store thread for every database
 * access and sync session, "habarshy-crypto" for sealing and opening envelopes, and the mDNS thread.
 */
public final class Node implements AutoCloseable {
    /** How often the node looks for envelopes queued by another process (a CLI {@code send}). */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** How long remembered peers are retried after they were last seen. */
    static final Duration REMEMBER_FOR = Duration.ofDays(7);
    private static final int ANNOUNCE_BATCH = 10_000;

    private static final System.Logger LOG = System.getLogger(Node.class.getName());

    private final Account account;
    private final ExecutorService storeExecutor;
    private final ExecutorService cryptoExecutor;
    private final EventLoopGroup group;
    private final LinkRegistry registry;
    private final EnvelopeIngest ingest;
    private final LinkSyncStorage linkStorage;
    private final Channel server;
    private final PeerConnector connector;
    private final LinkInitializer outgoingLinks;
    /** Every link channel, so that {@link #close} closes them itself rather than trust the loops' shutdown. */
    private final ChannelGroup linkChannels = new DefaultChannelGroup("habarshy-links", GlobalEventExecutor.INSTANCE);
    private final PeerDiscovery discovery;
    private final String instanceId;
    /** Discovered peers by instance id; touched only by discovery callbacks on the store executor. */
    private final Map<String, InetSocketAddress> discovered = new HashMap<>();
    private final ScheduledFuture<?> poller;
    private final ScheduledFuture<?> housekeeping;
    private final TrafficCounter traffic = new TrafficCounter();
    private final FloodCounters flood = new FloodCounters();
    private final CarryLimits carryLimits;
    private final StatusFile statusFile;
    private final RealTimeText realTimeText;
    private final WipeWatch wipeWatch;
    private volatile Runnable onDataWiped;
    private final java.util.concurrent.atomic.AtomicBoolean wipeNotified =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final long startedAt;
    private long announcedSeq;
    private long dataVersion;

    private Node(Account account, NodeConfig config, AgreementKeyPair transportKey)
            throws IOException, StoreException {
        this.account = account;
        this.storeExecutor = account.storeExecutor();
        // Work refused after close runs on the thread that submitted it, which is then the store executor (the
        // event loops stop first): opening a pending envelope, or sealing the delivery receipt of a message the
        // store has just committed. Dropping the latter lost that receipt for good (the message, already stored,
        // is never answered again), so the sender never saw the message or file chunk delivered. Envelopes of the
        // last batch are then opened at close instead of at the next start.
        this.cryptoExecutor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new NamedThreads("habarshy-crypto", true), (task, executor) -> task.run());
        this.group = new MultiThreadIoEventLoopGroup(2, new NamedThreads("habarshy-io", true),
                NioIoHandler.newFactory());
        this.registry = new LinkRegistry(transportKey.publicKey().bytes());
        Inbox inbox = new Inbox(account.database(), account.envelopes(), account.messageStore(), account.outbox(),
                cryptoExecutor, storeExecutor, this::announceNew, account.clock(), account.forwardSecrecy(),
                account.groups().inbox(), account.attachments().hook());
        this.carryLimits = config.carry();
        this.ingest = new EnvelopeIngest(account.database(), account.envelopes(),
                new EnvelopeOpener(account.keys().agreement()), inbox, cryptoExecutor, storeExecutor,
                this::announceNew, account.clock(), carryLimits, flood);
        ingest.handleGroupMessages(account.groups().inbox());
        ingest.openCompactWith(new CompactInbox(account.database(), account.contactStore(), account.messageStore(),
                account.envelopes(), new CompactOpener(account.keys().agreement()), account.compactOutbox(),
                account.compactTexts(), cryptoExecutor, storeExecutor, this::announceNew, account.clock()));
        this.linkStorage = new LinkSyncStorage(ingest, account.database(), account.envelopes(),
                account.messageStore(), account.clock(), account.attachments().hook());
        this.realTimeText = new RealTimeText(account.keys().agreement(), System::nanoTime);
        this.instanceId = HexFormat.of().formatHex(randomBytes(account, 8));
        Account.call(storeExecutor, () -> {
            announcedSeq = account.database().read(account.envelopes()::maxSeq);
            dataVersion = account.database().dataVersion();
            ingest.resumePending();
            return null;
        });
        this.server = bind(config, transportKey);
        this.outgoingLinks = new LinkInitializer(true, transportKey, account.random(), this::newSyncHandler, traffic,
                config.deadLinkTimeout(), this::newRateLimiter, realTimeText::newLinkHandler);
        Bootstrap client = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .handler(tracked(outgoingLinks));
        this.connector = new PeerConnector(group.next(), client::connect, this::remember);
        for (InetSocketAddress peer : config.staticPeers()) {
            connector.add(peer, true);
        }
        reconnectRemembered();
        account.onNewEnvelope(this::announceNew);
        this.wipeWatch = WipeWatch.register(account.dataDir(), this::stopForWipe);
        CoalescingTask poll = new CoalescingTask(storeExecutor, this::pollForeignWrites);
        this.poller = group.next().scheduleWithFixedDelay(poll::submit,
                POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        this.statusFile = new StatusFile(account.dataDir());
        this.startedAt = account.clock().millis();
        CoalescingTask chores = new CoalescingTask(storeExecutor, this::housekeeping);
        this.housekeeping = group.next().scheduleWithFixedDelay(chores::submit,
                0, StatusFile.INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        this.discovery = config.mdns() ? startDiscovery(config) : null;
        wipeWatch.start();
    }

    private static byte[] randomBytes(Account account, int n) {
        byte[] bytes = new byte[n];
        account.random().nextBytes(bytes);
        return bytes;
    }

    /** Starts a node for {@code account}; the account must stay open until the node is closed. */
    public static Node start(Account account, NodeConfig config) throws IOException, StoreException {
        return new Node(account, config, AgreementKeyPair.generate(account.random()));
    }

    /**
     * Starts a node whose links use {@code transportKey} as their Noise static key instead of a fresh one per
     * start: for a relay, whose link key is published in its relay code so that other relays can pin it.
     */
    public static Node start(Account account, NodeConfig config, AgreementKeyPair transportKey)
            throws IOException, StoreException {
        return new Node(account, config, transportKey);
    }

    private Channel bind(NodeConfig config, AgreementKeyPair transportKey) throws IOException {
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(tracked(new LinkInitializer(false, transportKey, account.random(),
                        this::newSyncHandler, traffic, config.deadLinkTimeout(), this::newRateLimiter,
                        realTimeText::newLinkHandler)));
        InetSocketAddress local = config.bindAddress().map(a -> new InetSocketAddress(a, config.port()))
                .orElseGet(() -> new InetSocketAddress(config.port()));
        // Not syncUninterruptibly(): it rethrows a failed bind's checked BindException undeclared, past any
        // catch (RuntimeException), and the threads started above would outlive the failed node.
        ChannelFuture bound = bootstrap.bind(local).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            cryptoExecutor.shutdownNow();
            throw new IOException("cannot listen on port " + config.port() + ": " + bound.cause().getMessage(),
                    bound.cause());
        }
        return bound.channel();
    }

    /** Wraps a link pipeline so that each of its channels is tracked for {@link #close}. */
    private ChannelInitializer<Channel> tracked(LinkInitializer links) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                linkChannels.add(ch);
                ch.pipeline().addLast(links);
            }
        };
    }

    private SyncChannelHandler newSyncHandler() {
        return new SyncChannelHandler(storeExecutor, linkStorage, registry, this::envelopeWritten, account.clock());
    }

    private LinkRateLimiter newRateLimiter() {
        return new LinkRateLimiter(carryLimits.envelopesPerSecond(), carryLimits.bytesPerSecond(), flood,
                System::nanoTime);
    }

    private PeerDiscovery startDiscovery(NodeConfig config) throws IOException {
        MdnsPeerDiscovery mdns = new MdnsPeerDiscovery(config.bindAddress().map(List::of).orElse(List.of()),
                instanceId, storeExecutor);
        mdns.start(port(), new PeerDiscoveryListener() {
            @Override
            public void peerFound(DiscoveredPeer peer) {
                // One address per peer; further ones would dial it twice. An IPv4 address replaces an IPv6 one
                // found first: it needs no interface scope, while a link-local IPv6 address heard by the mDNS
                // instance of another interface carries that wrong scope and can never connect (seen in the
                // three-namespace test when JmDNS resolved the AAAA record before the A record).
                InetSocketAddress previous = discovered.get(peer.instanceId());
                boolean dials = instanceId.compareTo(peer.instanceId()) < 0;
                if (previous != null) {
                    if (previous.getAddress() instanceof Inet6Address
                            && peer.address().getAddress() instanceof Inet4Address) {
                        discovered.put(peer.instanceId(), peer.address());
                        if (dials) {
                            connector.forget(previous);
                            connector.add(peer.address(), false);
                        }
                    }
                    return;
                }
                discovered.put(peer.instanceId(), peer.address());
                // Only the side with the smaller instance id dials, so two nodes make one link.
                if (dials) {
                    LOG.log(System.Logger.Level.INFO, "found a peer by mDNS; connecting");
                    connector.add(peer.address(), false);
                } else {
                    LOG.log(System.Logger.Level.INFO, "found a peer by mDNS; waiting for it to connect");
                }
            }

            @Override
            public void peerLost(String lostInstanceId) {
                InetSocketAddress address = discovered.remove(lostInstanceId);
                if (address != null) {
                    connector.forget(address);
                    LOG.log(System.Logger.Level.DEBUG, "an mDNS peer went away");
                }
            }
        });
        return mdns;
    }

    private void reconnectRemembered() throws StoreException {
        long since = account.clock().millis() - REMEMBER_FOR.toMillis();
        List<RememberedPeer> remembered = Account.call(storeExecutor,
                () -> account.database().read(t -> account.peers().recent(t, since, 32)));
        for (RememberedPeer peer : remembered) {
            connector.add(new InetSocketAddress(peer.host(), peer.port()), false);
        }
    }

    private void remember(InetSocketAddress address) {
        String host = address.getHostString();
        int port = address.getPort();
        long now = account.clock().millis();
        storeExecutor.execute(() -> {
            try {
                account.database().write(t -> {
                    account.peers().remember(t, host, port, now);
                    return null;
                });
            } catch (StoreException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot remember a peer: " + e.getMessage());
            }
        });
    }

    /** Offers envelopes stored since the last announcement on every link. Store executor only. */
    private void announceNew() {
        try {
            long now = account.clock().millis();
            List<EnvelopeRef> refs = account.database().read(t ->
                    account.envelopes().liveAfter(t, announcedSeq, now, ANNOUNCE_BATCH));
            if (refs.isEmpty()) {
                return;
            }
            List<EnvelopeId> ids = new ArrayList<>(refs.size());
            for (EnvelopeRef ref : refs) {
                ids.add(ref.id());
                announcedSeq = Math.max(announcedSeq, ref.seq());
            }
            registry.offerToAll(ids);
            if (refs.size() == ANNOUNCE_BATCH) {
                storeExecutor.execute(this::announceNew);
            }
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot announce new envelopes: " + e.getMessage());
        }
    }

    private void pollForeignWrites() {
        try {
            long version = account.database().dataVersion();
            if (version != dataVersion) {
                dataVersion = version;
                announceNew();
            }
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot check the database for new messages: " + e.getMessage());
        }
    }

    /** Drops expired envelopes and disappearing messages, and rewrites the status file. Store executor only. */
    private void housekeeping() {
        if (wipeWatch.check()) {
            return; // never write into a directory being wiped (the status file would come back)
        }
        long now = account.clock().millis();
        try {
            int expired = account.database().write(t -> account.envelopes().deleteExpired(t, now));
            if (expired > 0) {
                LOG.log(System.Logger.Level.INFO, "dropped {0} expired envelope(s)", expired);
                ingest.quotaChanged();
            }
            int disappeared = account.deleteExpiredMessages();
            if (disappeared > 0) {
                LOG.log(System.Logger.Level.INFO, "deleted {0} disappearing message(s)", disappeared);
            }
            statusFile.write(status());
        } catch (StoreException | java.io.IOException e) {
            LOG.log(System.Logger.Level.WARNING, "housekeeping failed: " + e.getMessage());
        }
    }

    /** Returns the node's status now. Store executor only. */
    private NodeStatus status() throws StoreException {
        return new NodeStatus(ProcessHandle.current().pid(), startedAt, account.clock().millis(), port(),
                registry.status(), account.database().read(account.envelopes()::totals), traffic.bytesIn(),
                traffic.bytesOut(), ingest.rejectedCount(), new CarryStatus(carryLimits.quotaBytes(),
                ingest.carriedBytes(), flood.evicted(), flood.throttled(), flood.rejectedByReason()));
    }

    /** Returns the node's status (waits for the store executor). */
    public NodeStatus currentStatus() throws StoreException {
        return Account.call(storeExecutor, this::status);
    }

    /** An envelope was written to a link: if it is an outgoing message, one more session carries it. */
    private void envelopeWritten(EnvelopeId id) {
        storeExecutor.execute(() -> linkStorage.carried(List.of(id)));
    }

    /** Returns real-time text (drafts streamed to directly linked contacts, in memory only). */
    public RealTimeText realTimeText() {
        return realTimeText;
    }

    /** Returns the TCP port the node listens on. */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Returns how many links are established (waits for the store executor). */
    public int linkCount() throws StoreException {
        return Account.call(storeExecutor, registry::size);
    }

    /** Connects to {@code address} and keeps reconnecting, like a {@code --peer}. */
    public void addPeer(InetSocketAddress address) {
        connector.add(address, true);
    }

    /**
     * Opens one outgoing link to {@code remote} with the handler made by {@code front} placed nearest the socket,
     * before the link pipeline. A Netty proxy handler there dials its proxy instead of {@code remote} and asks it
     * to connect on; the Noise handshake then runs end to end through the proxy. {@code remote} is used as given
     * (an unresolved address is not resolved here, so a proxy resolves it). The link is not redialled: the caller
     * watches the returned future's channel. Used by relays for proxied federation links.
     */
    public ChannelFuture openLink(SocketAddress remote, Supplier<? extends ChannelHandler> front) {
        return openLink(remote, front, null);
    }

    /**
     * Like {@link #openLink(SocketAddress, Supplier)}, and places the handler made by {@code beforeSync} (null:
     * none) after the handshake, right before the sync handler: it sees the {@code LinkEstablishedEvent} first
     * and may close the link before any record is exchanged (a relay pinning its federation peer's link key).
     */
    public ChannelFuture openLink(SocketAddress remote, Supplier<? extends ChannelHandler> front,
                                  Supplier<? extends ChannelHandler> beforeSync) {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
                .resolver(NoopAddressResolverGroup.INSTANCE)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        linkChannels.add(ch);
                        ch.pipeline().addLast("front", front.get()).addLast(outgoingLinks);
                        if (beforeSync != null) {
                            // outgoingLinks has just filled the pipeline (the channel is registered).
                            ch.pipeline().addBefore("sync", "beforeSync", beforeSync.get());
                        }
                    }
                });
        return bootstrap.connect(remote);
    }

    /**
     * Another process started a panic wipe of the data directory (watch thread): stop every timer and link now,
     * without waiting, so that nothing more is written there, then tell the listener, which should {@link #close}
     * this node and close the account.
     */
    private void stopForWipe() {
        poller.cancel(false);
        housekeeping.cancel(false);
        server.close();
        linkChannels.close();
        notifyWiped();
    }

    private void notifyWiped() {
        Runnable listener = onDataWiped;
        if (listener != null && wipeNotified.compareAndSet(false, true)) {
            listener.run();
        }
    }

    /**
     * Sets what runs (once) when another process starts a panic wipe of this node's data directory
     * ({@link PanicWipe}); by then the node has stopped its links and timers. It runs on the wipe-watch thread, or
     * on the store thread when housekeeping noticed first, so it must hand work off rather than block (and never
     * call {@link #close} itself). Runs at once if the wipe began already.
     */
    public void onDataWiped(Runnable listener) {
        this.onDataWiped = listener;
        if (wipeWatch.wiped()) {
            notifyWiped();
        }
    }

    /** Returns true if another process started a panic wipe of the data directory (or removed it). */
    public boolean dataWiped() {
        return wipeWatch.wiped();
    }

    /** Stops networking; the account stays open. */
    @Override
    public void close() {
        wipeWatch.close();
        account.onNewEnvelope(null);
        poller.cancel(false);
        housekeeping.cancel(false);
        if (discovery != null) {
            discovery.close();
        }
        connector.close();
        server.close().syncUninterruptibly();
        // Close every link ourselves: a channel connected while the loops were shutting down was seen to stay
        // open (the peer then kept a link to a node that had stopped until its dead-link timeout).
        linkChannels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        try {
            // Drain store work of the closed links, then opening work, then what opening queued.
            Account.call(storeExecutor, () -> null);
            cryptoExecutor.shutdown();
            cryptoExecutor.awaitTermination(5, TimeUnit.SECONDS);
            if (!wipeWatch.wiped()) { // after a wipe began, leave the directory alone
                Account.call(storeExecutor, () -> {
                    ingest.flush();
                    return null;
                });
                statusFile.delete();
            }
        } catch (java.io.IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not remove the status file");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.DEBUG, "store executor unavailable at close");
        }
    }
}

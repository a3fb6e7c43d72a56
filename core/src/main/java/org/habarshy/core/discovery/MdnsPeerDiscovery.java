package org.habarshy.core.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.jmdns.JmDNS;

/**
 * Peer discovery over multicast DNS (DNS-SD) with JmDNS: one JmDNS instance per local address, each
 * advertising {@value #SERVICE_TYPE} instance {@code habarshy-<instanceId>} with TXT {@code id=<instanceId>} and
 * {@code v=1}, and browsing for the same type.
 *
 * <p>All JmDNS work (creating instances, registering, resolving, re-querying, closing) runs on one background
 * thread named {@code habarshy-mdns}; {@link #start} returns at once, {@link #close} blocks about two seconds
 * (at most 2.5) while JmDNS says goodbye. Listener calls are made on the given callback executor, never on a
 * JmDNS or discovery thread, and never for this node's own advertisement.
 *
 * <p>Every 30 seconds the service type is queried again, so a peer whose announcement was missed is still
 * found, and the local addresses are checked again: JmDNS is started on addresses that have appeared (or that
 * failed before) and stopped on ones that have gone, losing the peers only seen there.
 */
public final class MdnsPeerDiscovery implements PeerDiscovery {
    /** The DNS-SD service type all Habarshy nodes advertise and browse. */
    public static final String SERVICE_TYPE = "_habarshy._tcp.local.";

    private static final int REFRESH_SECONDS = 30;
    private static final String THREAD_NAME = "habarshy-mdns";
    /** How long {@link #close} waits; JmDNS itself needs about two seconds to say goodbye. */
    private static final long CLOSE_WAIT_MILLIS = 2_500;
    /** How long the worker waits for JmDNS instances to close before giving up on them. */
    private static final long STOP_TIMEOUT_MILLIS = 10_000;
    private static final System.Logger LOG = System.getLogger(MdnsPeerDiscovery.class.getName());

    private enum State { NEW, STARTED, CLOSED }

    private final List<InetAddress> bindAddresses;
    private final String instanceId;
    private final Executor callbackExecutor;
    private final Duration refreshInterval;
    private final ScheduledThreadPoolExecutor worker;
    private final Object lock = new Object();
    /** Worker thread only: JmDNS instances by local address. */
    private final Map<InetAddress, MdnsInstance> running = new LinkedHashMap<>();
    /** Worker thread only: addresses whose last start failed, so repeated failures are logged quietly. */
    private final Set<InetAddress> failed = new HashSet<>();
    private State state = State.NEW;
    private CallbackDispatcher dispatcher;
    private volatile boolean closing;

    // Worker thread only; start() sets advertisement and table before handing over.
    private Advertisement advertisement;
    private PeerTable table;
    private int nextSource;

    /**
     * Creates discovery that does nothing until {@link #start}.
     *
     * @param bindAddresses the local addresses to run on, one JmDNS instance each; empty means every usable
     *     interface: up, multicast-capable, not loopback or point-to-point, its first IPv4 address and first IPv6
     *     link-local address, or the loopback IPv4 address if there is no such interface
     * @param instanceId this run's random id (1 to 54 letters, digits or '-', e.g. 16 hex characters); never the
     *     user's identity
     * @param callbackExecutor where listener calls are made
     */
    public MdnsPeerDiscovery(List<InetAddress> bindAddresses, String instanceId, Executor callbackExecutor) {
        this(bindAddresses, instanceId, callbackExecutor, Duration.ofSeconds(REFRESH_SECONDS));
    }

    /** As the public constructor, with the re-query and address check interval given (for tests). */
    MdnsPeerDiscovery(List<InetAddress> bindAddresses, String instanceId, Executor callbackExecutor,
                      Duration refreshInterval) {
        this.bindAddresses = List.copyOf(bindAddresses);
        if (!Advertisement.isValidInstanceId(instanceId)) {
            throw new IllegalArgumentException("instanceId must be 1 to 54 letters, digits or '-'");
        }
        this.instanceId = instanceId;
        this.callbackExecutor = Objects.requireNonNull(callbackExecutor, "callbackExecutor");
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refreshInterval must be positive");
        }
        this.refreshInterval = refreshInterval;
        this.worker = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only checks its arguments and hands over to the {@code habarshy-mdns} thread. An address JmDNS cannot
     * run on is logged and tried again later; this implementation never throws {@link IOException}.
     */
    @Override
    public void start(int listenPort, PeerDiscoveryListener listener) throws IOException {
        Advertisement ownAdvertisement = new Advertisement(instanceId, listenPort);
        Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalStateException(state == State.CLOSED ? "closed" : "already started");
            }
            state = State.STARTED;
            dispatcher = new CallbackDispatcher(listener, callbackExecutor);
            advertisement = ownAdvertisement;
            table = new PeerTable(instanceId, dispatcher);
            worker.execute(guarded("start", this::refreshAddresses));
            long interval = refreshInterval.toMillis();
            worker.scheduleWithFixedDelay(guarded("refresh", this::refresh), interval, interval,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Blocks while JmDNS says goodbye, about two seconds and at most 2.5; should JmDNS take longer, it
     * finishes on daemon {@code habarshy-mdns} threads in the background.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            boolean started = state == State.STARTED;
            state = State.CLOSED;
            closing = true;
            if (!started) {
                worker.shutdown();
                return;
            }
            dispatcher.close();
            worker.execute(guarded("stop", this::stopAll));
            worker.shutdown();
        }
        try {
            if (!worker.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.DEBUG, "mDNS still shutting down in the background");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refresh() {
        for (MdnsInstance instance : running.values()) {
            if (closing) {
                return;
            }
            instance.requery();
        }
        refreshAddresses();
    }

    /** Starts JmDNS on wanted addresses it isn't running on, and stops it on addresses no longer wanted. */
    private void refreshAddresses() {
        List<InetAddress> wanted;
        try {
            wanted = bindAddresses.isEmpty() ? BindAddresses.discover() : bindAddresses;
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot list network interfaces: {0}", e.getClass().getSimpleName());
            LOG.log(System.Logger.Level.DEBUG, "Interface listing failure", e);
            return;
        }
        List<MdnsInstance> gone = new ArrayList<>();
        for (Iterator<Map.Entry<InetAddress, MdnsInstance>> it = running.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<InetAddress, MdnsInstance> entry = it.next();
            if (!wanted.contains(entry.getKey())) {
                LOG.log(System.Logger.Level.INFO, "Address {0} gone, stopping mDNS there",
                        AddressScrubber.scrub(entry.getKey()));
                gone.add(entry.getValue());
                it.remove();
            }
        }
        if (!gone.isEmpty()) {
            startClosing(gone);
        }
        failed.retainAll(wanted);
        for (InetAddress address : wanted) {
            if (closing) {
                return;
            }
            if (!running.containsKey(address)) {
                startOn(address);
            }
        }
    }

    private void startOn(InetAddress address) {
        String where = AddressScrubber.scrub(address);
        try {
            MdnsInstance instance = MdnsInstance.start(address, nextSource++, advertisement, table,
                    interfaceOf(address), this::resolveLater);
            running.put(address, instance);
            failed.remove(address);
            LOG.log(System.Logger.Level.INFO, "Advertising on {0}", where);
        } catch (IOException | RuntimeException e) {
            System.Logger.Level level = failed.add(address) ? System.Logger.Level.WARNING
                    : System.Logger.Level.DEBUG;
            LOG.log(level, "mDNS unavailable on {0}: {1}", where, e.getClass().getSimpleName());
            LOG.log(System.Logger.Level.DEBUG, "mDNS start failure", e);
        }
    }

    /** Called on JmDNS threads: resolution may wait, so it happens on the worker. */
    private void resolveLater(JmDNS jmdns, String serviceName) {
        if (closing) {
            return;
        }
        try {
            worker.execute(guarded("resolve", () -> {
                if (!closing) {
                    MdnsInstance.resolve(jmdns, serviceName);
                }
            }));
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "Not resolving, shutting down");
        }
    }

    /** Closes every instance, all at once, and waits for them. */
    private void stopAll() {
        List<Thread> closers = startClosing(new ArrayList<>(running.values()));
        running.clear();
        try {
            for (Thread closer : closers) {
                closer.join(STOP_TIMEOUT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes {@code instances} on threads of their own, since each spends about two seconds repeating its
     * goodbye, and forgets what they saw.
     */
    private List<Thread> startClosing(List<MdnsInstance> instances) {
        List<Thread> closers = new ArrayList<>(instances.size());
        for (MdnsInstance instance : instances) {
            table.sourceStopped(instance.source());
            Thread closer = new Thread(instance::close, THREAD_NAME + "-close");
            closer.setDaemon(true);
            closer.start();
            closers.add(closer);
        }
        return closers;
    }

    private static NetworkInterface interfaceOf(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address);
        } catch (SocketException e) {
            return null;
        }
    }

    /** Keeps a failing task from killing the worker thread or cancelling the periodic refresh. */
    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "mDNS {0} failed: {1}", what, e.getClass().getSimpleName());
                LOG.log(System.Logger.Level.DEBUG, "mDNS " + what + " failure", e);
            }
        };
    }
}

package org.habarshy.core.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceListener;

/** One JmDNS instance on one local address: advertising this node and browsing for others. */
final class MdnsInstance {
    private static final System.Logger LOG = System.getLogger(MdnsInstance.class.getName());
    /** JmDNS then waits at most one 200 ms round for the answer; resolution completes through the listener. */
    private static final long RESOLVE_WAIT_MILLIS = 1;

    private final JmDNS jmdns;
    private final int source;
    private final BrowseListener listener;

    private MdnsInstance(JmDNS jmdns, int source, BrowseListener listener) {
        this.jmdns = jmdns;
        this.source = source;
        this.listener = listener;
    }

    /**
     * Creates a JmDNS instance on {@code address}, browses and advertises. The host name it announces is
     * {@code habarshy-<instanceId>.local.}, so the machine's own name is never sent.
     *
     * @param address the local address to run on
     * @param source the number the {@link PeerTable} knows this instance by
     * @param advertisement what to advertise
     * @param table where found services go
     * @param scope the interface of {@code address}, or null
     * @param resolver how to ask for resolution off the JmDNS threads
     * @throws IOException if JmDNS cannot start there
     */
    static MdnsInstance start(InetAddress address, int source, Advertisement advertisement, PeerTable table,
                              NetworkInterface scope, BrowseListener.Resolver resolver) throws IOException {
        String instanceId = advertisement.instanceId();
        JmDNS jmdns = JmDNS.create(address, Advertisement.serviceName(instanceId));
        BrowseListener listener = new BrowseListener(source, scope, instanceId, table, resolver);
        try {
            jmdns.addServiceListener(MdnsPeerDiscovery.SERVICE_TYPE, listener);
            jmdns.registerService(advertisement.toServiceInfo());
        } catch (IOException | RuntimeException e) {
            closeQuietly(jmdns);
            throw e;
        }
        return new MdnsInstance(jmdns, source, listener);
    }

    /** Returns the number the {@link PeerTable} knows this instance by. */
    int source() {
        return source;
    }

    /**
     * Sends a fresh round of queries for the service type and resolves whatever is known but unresolved. JmDNS
     * queries only three times when a listener is added and {@code JmDNS.list} reuses that collector, so adding
     * (and at once removing) a throwaway listener is the public way to query again. Blocks up to 200 ms per
     * unresolved service; call on the worker thread.
     */
    void requery() {
        NameCollector collector = new NameCollector();
        jmdns.addServiceListener(MdnsPeerDiscovery.SERVICE_TYPE, collector);
        jmdns.removeServiceListener(MdnsPeerDiscovery.SERVICE_TYPE, collector);
        for (String name : collector.names) {
            if (listener.needsResolving(name)) {
                resolve(jmdns, name);
            }
        }
    }

    /**
     * Asks {@code jmdns} to resolve {@code serviceName}; the result arrives through the browse listener. Blocks up
     * to 200 ms, so never call it on a JmDNS thread.
     */
    static void resolve(JmDNS jmdns, String serviceName) {
        jmdns.requestServiceInfo(MdnsPeerDiscovery.SERVICE_TYPE, serviceName, RESOLVE_WAIT_MILLIS);
    }

    /** Stops browsing and closes JmDNS, which first sends goodbyes for the advertisement; takes about 2 s. */
    void close() {
        jmdns.removeServiceListener(MdnsPeerDiscovery.SERVICE_TYPE, listener);
        closeQuietly(jmdns);
    }

    private static void closeQuietly(JmDNS jmdns) {
        try {
            jmdns.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Error closing JmDNS", e);
        }
    }

    /** A throwaway listener that notes the names of services JmDNS already knows. */
    private static final class NameCollector implements ServiceListener {
        private final Queue<String> names = new ConcurrentLinkedQueue<>();

        @Override
        public void serviceAdded(ServiceEvent event) {
            names.add(event.getName());
        }

        @Override
        public void serviceRemoved(ServiceEvent event) {
            // not needed
        }

        @Override
        public void serviceResolved(ServiceEvent event) {
            // not needed
        }
    }
}

package org.habarshy.core.discovery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;

/**
 * Receives the service events of one JmDNS instance, on JmDNS's threads: asks for resolution of newly seen
 * services and feeds resolved and removed ones into the {@link PeerTable}. Never blocks.
 */
final class BrowseListener implements ServiceListener {
    /** Asks, off the JmDNS threads, for a service to be resolved. */
    @FunctionalInterface
    interface Resolver {
        /** Requests SRV, TXT and address records of {@code serviceName} from {@code jmdns}. */
        void resolve(JmDNS jmdns, String serviceName);
    }

    private static final System.Logger LOG = System.getLogger(BrowseListener.class.getName());

    private final int source;
    private final NetworkInterface scope;
    private final String ownInstanceId;
    private final PeerTable table;
    private final Resolver resolver;

    /**
     * @param source which JmDNS instance this listens to, for the {@link PeerTable}
     * @param scope the interface that instance runs on, given to scope-less IPv6 link-local addresses; may be null
     * @param ownInstanceId this node's instance id, whose service is not resolved
     * @param table where resolved and removed services go
     * @param resolver how to ask for resolution
     */
    BrowseListener(int source, NetworkInterface scope, String ownInstanceId, PeerTable table, Resolver resolver) {
        this.source = source;
        this.scope = scope;
        this.ownInstanceId = Objects.requireNonNull(ownInstanceId, "ownInstanceId");
        this.table = Objects.requireNonNull(table, "table");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Returns whether {@code serviceName} still needs resolving (it is not ours and not resolved yet). */
    boolean needsResolving(String serviceName) {
        return !Advertisement.isNameOf(serviceName, ownInstanceId) && !table.isResolved(source, serviceName);
    }

    @Override
    public void serviceAdded(ServiceEvent event) {
        if (needsResolving(event.getName())) {
            resolver.resolve(event.getDNS(), event.getName());
        }
    }

    @Override
    public void serviceRemoved(ServiceEvent event) {
        table.removed(source, event.getName());
    }

    @Override
    public void serviceResolved(ServiceEvent event) {
        ServiceInfo info = event.getInfo();
        if (info == null) {
            return;
        }
        Optional<Advertisement> advertisement = Advertisement.parse(info);
        if (advertisement.isPresent()) {
            List<InetAddress> addresses = new ArrayList<>(Arrays.asList(info.getInet4Addresses()));
            addresses.addAll(Arrays.asList(info.getInet6Addresses()));
            table.resolved(source, event.getName(), advertisement.get(),
                    socketAddresses(addresses, advertisement.get().port(), scope));
        }
    }

    /**
     * Pairs each usable address with {@code port}; IPv6 link-local addresses without a scope get {@code scope}.
     *
     * @param addresses the advertised addresses
     * @param port the advertised port
     * @param scope the interface they were heard on, or null
     */
    static List<InetSocketAddress> socketAddresses(List<InetAddress> addresses, int port, NetworkInterface scope) {
        List<InetSocketAddress> result = new ArrayList<>(addresses.size());
        for (InetAddress address : addresses) {
            if (address == null || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                LOG.log(System.Logger.Level.DEBUG, "Ignoring unusable advertised address");
                continue;
            }
            result.add(new InetSocketAddress(scoped(address, scope), port));
        }
        return result;
    }

    /** Gives a scope-less IPv6 link-local address the interface it was heard on; otherwise it can't be used. */
    private static InetAddress scoped(InetAddress address, NetworkInterface scope) {
        if (!(address instanceof Inet6Address v6) || !v6.isLinkLocalAddress() || v6.getScopeId() != 0
                || scope == null) {
            return address;
        }
        try {
            return Inet6Address.getByAddress(null, v6.getAddress(), scope);
        } catch (UnknownHostException e) {
            return address;
        }
    }
}

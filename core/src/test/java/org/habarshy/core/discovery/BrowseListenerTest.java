package org.habarshy.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import org.junit.jupiter.api.Test;

class BrowseListenerTest {
    private static final String OWN = "0000000000000000";
    private static final String PEER = "1111111111111111";

    private final RecordingListener sink = new RecordingListener();
    private final PeerTable table = new PeerTable(OWN, sink);
    private final List<String> resolveRequests = new ArrayList<>();
    private final BrowseListener listener = new BrowseListener(0, null, OWN, table,
            (jmdns, name) -> resolveRequests.add(name));

    @Test
    void asksToResolveOtherServicesButNotItsOwn() {
        listener.serviceAdded(event("habarshy-" + PEER, null));
        listener.serviceAdded(event("habarshy-" + OWN, null));
        listener.serviceAdded(event("habarshy-" + OWN + " (2)", null));

        assertThat(resolveRequests).containsExactly("habarshy-" + PEER);
    }

    @Test
    void doesNotAskAgainOnceResolved() {
        listener.serviceResolved(event("habarshy-" + PEER, info(PEER, 7001)));
        listener.serviceAdded(event("habarshy-" + PEER, null));

        assertThat(table.isResolved(0, "habarshy-" + PEER)).isTrue();
        assertThat(resolveRequests).isEmpty();
    }

    @Test
    void ignoresMalformedResolvedServices() {
        listener.serviceResolved(event("habarshy-bad-port", info(PEER, 0)));
        listener.serviceResolved(event("habarshy-no-txt", ServiceInfo.create(MdnsPeerDiscovery.SERVICE_TYPE,
                "habarshy-no-txt", 7001, "")));
        listener.serviceResolved(event("habarshy-no-info", null));

        assertThat(table.isResolved(0, "habarshy-bad-port")).isFalse();
        assertThat(table.isResolved(0, "habarshy-no-txt")).isFalse();
        assertThat(sink.calls).isEmpty();
    }

    @Test
    void removalLosesAFoundPeer() throws UnknownHostException {
        table.resolved(0, "habarshy-" + PEER, new Advertisement(PEER, 7001),
                List.of(new InetSocketAddress(InetAddress.getByName("192.168.1.2"), 7001)));

        listener.serviceRemoved(event("habarshy-" + PEER, null));

        assertThat(sink.calls).containsExactly("found " + PEER + " 192.168.1.2:7001", "lost " + PEER);
    }

    @Test
    void pairsUsableAddressesWithPort() throws UnknownHostException {
        List<InetAddress> addresses = List.of(InetAddress.getByName("192.168.1.2"), InetAddress.getByName("0.0.0.0"),
                InetAddress.getByName("224.0.0.251"), InetAddress.getByName("2001:db8::5"),
                InetAddress.getByName("::"));

        assertThat(BrowseListener.socketAddresses(addresses, 7001, null)).containsExactly(
                new InetSocketAddress(InetAddress.getByName("192.168.1.2"), 7001),
                new InetSocketAddress(InetAddress.getByName("2001:db8::5"), 7001));
    }

    @Test
    void scopesLinkLocalIpv6ToTheInterfaceItWasHeardOn() throws Exception {
        Optional<NetworkInterface> scope = interfaceWithLinkLocalIpv6();
        assumeTrue(scope.isPresent(), "no interface with an IPv6 link-local address");
        InetAddress linkLocal = InetAddress.getByName("fe80::1234");

        List<InetSocketAddress> result = BrowseListener.socketAddresses(List.of(linkLocal), 7001, scope.get());

        assertThat(result).hasSize(1);
        Inet6Address scoped = (Inet6Address) result.get(0).getAddress();
        assertThat(scoped.getAddress()).isEqualTo(linkLocal.getAddress());
        assertThat(scoped.getScopedInterface()).isEqualTo(scope.get());
    }

    private static Optional<NetworkInterface> interfaceWithLinkLocalIpv6() throws SocketException {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                if (address instanceof Inet6Address && address.isLinkLocalAddress()) {
                    return Optional.of(nif);
                }
            }
        }
        return Optional.empty();
    }

    private static ServiceInfo info(String id, int port) {
        return ServiceInfo.create(MdnsPeerDiscovery.SERVICE_TYPE, "habarshy-" + id, port, 0, 0,
                Map.of("id", id, "v", "1"));
    }

    private static ServiceEvent event(String name, ServiceInfo info) {
        return new ServiceEvent(BrowseListenerTest.class) {
            @Override
            public JmDNS getDNS() {
                return null;
            }

            @Override
            public String getType() {
                return MdnsPeerDiscovery.SERVICE_TYPE;
            }

            @Override
            public String getName() {
                return name;
            }

            @Override
            public ServiceInfo getInfo() {
                return info;
            }
        };
    }
}

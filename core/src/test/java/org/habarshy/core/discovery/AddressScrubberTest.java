package org.habarshy.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressScrubberTest {
    @Test
    void keepsOnlyTheNetworkishPrefix() throws UnknownHostException {
        assertThat(AddressScrubber.scrub(InetAddress.getByName("192.168.31.207"))).isEqualTo("192.168.*.*");
        assertThat(AddressScrubber.scrub(InetAddress.getByName("fe80::1c2b:3aff:fe4d:5e6f"))).isEqualTo("fe80:*");
        assertThat(AddressScrubber.scrub(InetAddress.getByName("2001:db8::1"))).isEqualTo("2001:*");
        assertThat(AddressScrubber.scrub(null)).isEqualTo("?");
    }

    @Test
    void discoveredPeerPrintsOnlyTheScrubbedAddress() throws UnknownHostException {
        DiscoveredPeer peer = new DiscoveredPeer("abc", new InetSocketAddress(InetAddress.getByName("192.168.31.207"),
                7001));

        assertThat(peer.toString()).contains("abc", "192.168.*.*:7001").doesNotContain("31", "207");
    }
}

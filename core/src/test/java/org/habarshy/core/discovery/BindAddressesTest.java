package org.habarshy.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only reads this machine's interface list; sends nothing. */
class BindAddressesTest {
    @Test
    void picksIpv4AndIpv6LinkLocalAndLoopbackOnlyAsLastResort() throws SocketException {
        List<InetAddress> addresses = BindAddresses.discover();

        assertThat(addresses).allSatisfy(address -> {
            assertThat(address.isMulticastAddress() || address.isAnyLocalAddress()).isFalse();
            assertThat(address instanceof Inet4Address
                    || address instanceof Inet6Address && address.isLinkLocalAddress()).isTrue();
        });
        if (addresses.stream().anyMatch(InetAddress::isLoopbackAddress)) {
            assertThat(addresses).allMatch(InetAddress::isLoopbackAddress);
        }
    }
}

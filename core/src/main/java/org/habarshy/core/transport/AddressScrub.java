package org.habarshy.core.transport;

import java.net.InetSocketAddress;

/** Log-safe forms of peer addresses: only the port and whether it is loopback are kept. */
final class AddressScrub {
    private AddressScrub() {
    }

    static String of(InetSocketAddress address) {
        boolean loopback = address.getAddress() != null && address.getAddress().isLoopbackAddress();
        return (loopback ? "loopback" : "peer") + ":" + address.getPort();
    }
}

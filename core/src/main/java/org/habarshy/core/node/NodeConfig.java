package org.habarshy.core.node;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node runs.
 *
 * @param bindAddress listen (and run mDNS) only on the interface holding this address; empty = all
 * @param port TCP port to listen on; 0 picks a free one
 * @param staticPeers peers to stay connected to, as given by {@code --peer}
 * @param mdns whether to advertise and browse with mDNS
 */
public record NodeConfig(Optional<InetAddress> bindAddress, int port, List<InetSocketAddress> staticPeers,
                         boolean mdns) {
    /** The default port. */
    public static final int DEFAULT_PORT = 7454;

    /** Checks the port and copies the list. */
    public NodeConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        staticPeers = List.copyOf(staticPeers);
    }
}

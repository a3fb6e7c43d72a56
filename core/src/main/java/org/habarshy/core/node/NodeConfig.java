package org.habarshy.core.node;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.routing.CarryLimits;

/**
 * How a node runs.
 *
 * @param bindAddress listen (and run mDNS) only on the interface holding this address; empty = all
 * @param port TCP port to listen on; 0 picks a free one
 * @param staticPeers peers to stay connected to, as given by {@code --peer}
 * @param mdns whether to advertise and browse with mDNS
 * @param carry the quota for envelopes carried for others and the per-link rate limits
 * @param deadLinkTimeout a link silent this long (the peer does not answer a ping sent halfway) is closed
 */
public record NodeConfig(Optional<InetAddress> bindAddress, int port, List<InetSocketAddress> staticPeers,
                         boolean mdns, CarryLimits carry, Duration deadLinkTimeout) {
    /** The default port. */
    public static final int DEFAULT_PORT = 7454;
    /** The default dead-link timeout. */
    public static final Duration DEFAULT_DEAD_LINK_TIMEOUT = Duration.ofSeconds(40);

    /** Checks the port and timeout and copies the list. */
    public NodeConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(carry, "carry");
        if (deadLinkTimeout.toMillis() < 2) {
            throw new IllegalArgumentException("dead-link timeout must be at least 2 ms");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        staticPeers = List.copyOf(staticPeers);
    }

    /** A configuration with the default carry limits and dead-link timeout. */
    public NodeConfig(Optional<InetAddress> bindAddress, int port, List<InetSocketAddress> staticPeers,
                      boolean mdns) {
        this(bindAddress, port, staticPeers, mdns, CarryLimits.DEFAULTS, DEFAULT_DEAD_LINK_TIMEOUT);
    }

    /** A configuration with the default dead-link timeout. */
    public NodeConfig(Optional<InetAddress> bindAddress, int port, List<InetSocketAddress> staticPeers,
                      boolean mdns, CarryLimits carry) {
        this(bindAddress, port, staticPeers, mdns, carry, DEFAULT_DEAD_LINK_TIMEOUT);
    }

    /** A configuration with the default carry limits. */
    public NodeConfig(Optional<InetAddress> bindAddress, int port, List<InetSocketAddress> staticPeers,
                      boolean mdns, Duration deadLinkTimeout) {
        this(bindAddress, port, staticPeers, mdns, CarryLimits.DEFAULTS, deadLinkTimeout);
    }

    /** Returns this configuration with other carry limits. */
    public NodeConfig withCarry(CarryLimits limits) {
        return new NodeConfig(bindAddress, port, staticPeers, mdns, limits, deadLinkTimeout);
    }
}

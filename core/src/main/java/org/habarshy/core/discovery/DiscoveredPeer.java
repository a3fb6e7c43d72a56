package org.habarshy.core.discovery;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A peer found on the local network: where to connect. {@code instanceId} is the random per-run id the peer
 * advertised (never the user identity).
 *
 * <p>{@link #toString()} shows only a scrubbed address, so logging a peer does not leak where it is.
 *
 * @param instanceId the id the peer advertised for this run
 * @param address the address and port it listens on, already resolved
 */
public record DiscoveredPeer(String instanceId, InetSocketAddress address) {
    /**
     * Checks that no component is null and that the address is resolved.
     *
     * @param instanceId the id the peer advertised for this run
     * @param address the address and port it listens on, already resolved
     */
    public DiscoveredPeer {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("address must be resolved");
        }
    }

    @Override
    public String toString() {
        return "DiscoveredPeer[instanceId=" + instanceId + ", address=" + AddressScrubber.scrub(address.getAddress())
                + ":" + address.getPort() + "]";
    }
}

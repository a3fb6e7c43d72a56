package org.habarshy.relay.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.relay.proxy.ProxyEndpoint;

/**
 * Another relay to keep a link to.
 *
 * @param name the operator's name for it (used in logs and status instead of its address)
 * @param host its host name or IP address
 * @param port its TCP port
 * @param route direct, or through vetted proxies
 * @param proxies for {@link Route#PROXY}: the proxies to use, in order; empty = every proxy on a trusted list.
 *     Each must also be on a trusted list, or it is refused.
 * @param linkKey the peer's link key (from its relay code): a link whose peer presents another key is refused;
 *     empty = not pinned (any key is accepted, and a warning says so at start)
 */
public record FederationPeer(String name, String host, int port, Route route, List<ProxyEndpoint> proxies,
                             Optional<AgreementKey> linkKey) {
    /** Checks the port and copies the list. */
    public FederationPeer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(linkKey, "linkKey");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(route, "route");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
        proxies = List.copyOf(proxies);
    }

    /** A peer whose link key is not pinned. */
    public FederationPeer(String name, String host, int port, Route route, List<ProxyEndpoint> proxies) {
        this(name, host, port, route, proxies, Optional.empty());
    }
}

package org.habarshy.relay.status;

/**
 * The state of one federation peer, for status output: no address, only the operator's name for the peer and the
 * log-safe label of the proxy in use.
 *
 * @param name the peer's name in the configuration
 * @param up whether a link to it is established now
 * @param via {@code direct}, a proxy label such as {@code socks5#1a2b3c4d}, or {@code -} when down
 * @param usableProxies how many allowed proxies are not in a back-off
 */
public record FederationState(String name, boolean up, String via, int usableProxies) {
}

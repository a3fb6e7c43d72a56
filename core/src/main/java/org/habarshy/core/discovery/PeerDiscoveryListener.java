package org.habarshy.core.discovery;

/** Hears about peers appearing and disappearing on the local network. */
public interface PeerDiscoveryListener {
    /**
     * A peer can be reached at {@code peer.address()}. Called once for each address a peer advertises, until
     * the peer is lost; a peer with several addresses (IPv4, IPv6, several interfaces) is reported once per
     * address.
     *
     * @param peer the peer and one address of it
     */
    void peerFound(DiscoveredPeer peer);

    /**
     * A peer reported by {@link #peerFound} has withdrawn its advertisement (or it expired) everywhere it was
     * seen.
     *
     * @param instanceId the id it was found under
     */
    void peerLost(String instanceId);
}

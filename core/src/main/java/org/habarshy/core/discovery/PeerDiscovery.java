package org.habarshy.core.discovery;

import java.io.IOException;

/** Advertises this node and browses for others. */
public interface PeerDiscovery extends AutoCloseable {
    /**
     * Starts advertising that this node listens on {@code listenPort} and browsing for other nodes. Returns
     * quickly; the slow part runs in the background. May be called once.
     *
     * @param listenPort the TCP port this node accepts peer connections on, 1 to 65535
     * @param listener told about peers found and lost
     * @throws IOException if discovery cannot start at all
     * @throws IllegalStateException if already started or closed
     */
    void start(int listenPort, PeerDiscoveryListener listener) throws IOException;

    /**
     * Withdraws the advertisement (sends goodbye), stops browsing and releases everything. Idempotent; no
     * listener calls begin after it returns.
     */
    @Override
    void close();
}

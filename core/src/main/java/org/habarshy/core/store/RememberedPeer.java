package org.habarshy.core.store;

import java.util.Objects;

/**
 * The address of a peer we linked with, kept so we can reconnect after a restart.
 *
 * @param host the host name or IP literal
 * @param port the TCP port
 * @param lastSeen when we last linked with it, Unix milliseconds
 */
public record RememberedPeer(String host, int port, long lastSeen) {
    /** Checks the host is non-blank and the port is 1..65535. */
    public RememberedPeer {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
    }

    /** Keeps the address out of logs. */
    @Override
    public String toString() {
        return "RememberedPeer[lastSeen=" + lastSeen + "]";
    }
}

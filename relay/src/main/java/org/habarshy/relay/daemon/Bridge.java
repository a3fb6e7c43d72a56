package org.habarshy.relay.daemon;

import java.util.Map;

/**
 * A bridge to another medium that a relay runs next to its mesh node, such as an SMS gateway. Started by a
 * {@link BridgeFactory} when the daemon starts, closed (before the node) when it stops.
 */
public interface Bridge extends AutoCloseable {
    /** Returns a short name for logs and status (e.g. {@code sms}). */
    String name();

    /**
     * Returns the bridge's counters by stable key (e.g. {@code sms.segments.sent}), merged into the relay's status;
     * none by default. Keys must not collide with the relay's own counters.
     */
    default Map<String, Long> counters() {
        return Map.of();
    }

    /** Stops the bridge; must not throw. */
    @Override
    void close();
}

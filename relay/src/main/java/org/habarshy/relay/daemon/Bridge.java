package org.habarshy.relay.daemon;

/**
 * A bridge to another medium that a relay runs next to its mesh node, such as an SMS gateway. Started by a
 * {@link BridgeFactory} when the daemon starts, closed (before the node) when it stops.
 */
public interface Bridge extends AutoCloseable {
    /** Returns a short name for logs and status (e.g. {@code sms}). */
    String name();

    /** Stops the bridge; must not throw. */
    @Override
    void close();
}

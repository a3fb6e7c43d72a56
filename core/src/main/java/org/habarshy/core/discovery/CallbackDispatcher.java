package org.habarshy.core.discovery;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands listener calls over to the caller's executor, so the listener never runs on a JmDNS or discovery
 * thread, and drops them once closed.
 */
final class CallbackDispatcher implements PeerDiscoveryListener {
    private static final System.Logger LOG = System.getLogger(CallbackDispatcher.class.getName());

    private final PeerDiscoveryListener target;
    private final Executor executor;
    private volatile boolean closed;

    /**
     * @param target the listener to call
     * @param executor where to call it
     */
    CallbackDispatcher(PeerDiscoveryListener target, Executor executor) {
        this.target = Objects.requireNonNull(target, "target");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public void peerFound(DiscoveredPeer peer) {
        post(() -> target.peerFound(peer));
    }

    @Override
    public void peerLost(String instanceId) {
        post(() -> target.peerLost(instanceId));
    }

    /** Stops all further calls, including ones already queued on the executor. */
    void close() {
        closed = true;
    }

    private void post(Runnable call) {
        if (closed) {
            return;
        }
        try {
            executor.execute(() -> {
                if (closed) {
                    return;
                }
                try {
                    call.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Peer discovery listener failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "Callback executor refused a discovery event", e);
        }
    }
}

package org.habarshy.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class CallbackDispatcherTest {
    private final Queue<Runnable> queued = new ArrayDeque<>();
    private final RecordingListener target = new RecordingListener();
    private final CallbackDispatcher dispatcher = new CallbackDispatcher(target, queued::add);

    @Test
    void callsOnlyThroughTheExecutorInOrder() {
        dispatcher.peerFound(peer("a"));
        dispatcher.peerLost("a");
        assertThat(target.calls).isEmpty();

        runQueued();

        assertThat(target.calls).containsExactly("found a 127.0.0.1:7001", "lost a");
    }

    @Test
    void dropsEverythingOnceClosed() {
        dispatcher.peerFound(peer("a"));
        dispatcher.close();
        dispatcher.peerLost("a");

        runQueued();

        assertThat(target.calls).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void survivesRejectingExecutor() {
        CallbackDispatcher rejecting = new CallbackDispatcher(target, task -> {
            throw new RejectedExecutionException("shut down");
        });

        assertThatCode(() -> rejecting.peerLost("a")).doesNotThrowAnyException();
    }

    @Test
    void containsListenerFailures() {
        CallbackDispatcher failing = new CallbackDispatcher(new PeerDiscoveryListener() {
            @Override
            public void peerFound(DiscoveredPeer peer) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void peerLost(String instanceId) {
                throw new IllegalStateException("listener bug");
            }
        }, Runnable::run);

        assertThatCode(() -> failing.peerFound(peer("a"))).doesNotThrowAnyException();
    }

    private void runQueued() {
        for (Runnable task = queued.poll(); task != null; task = queued.poll()) {
            task.run();
        }
    }

    private static DiscoveredPeer peer(String id) {
        return new DiscoveredPeer(id, new InetSocketAddress(InetAddress.getLoopbackAddress(), 7001));
    }
}

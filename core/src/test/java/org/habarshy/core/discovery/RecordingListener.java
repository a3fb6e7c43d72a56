package org.habarshy.core.discovery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records listener calls, in order, as strings like {@code found a 127.0.0.1:7001} and {@code lost a}. */
final class RecordingListener implements PeerDiscoveryListener {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void peerFound(DiscoveredPeer peer) {
        calls.add("found " + peer.instanceId() + " " + peer.address().getAddress().getHostAddress() + ":"
                + peer.address().getPort());
    }

    @Override
    public void peerLost(String instanceId) {
        calls.add("lost " + instanceId);
    }
}

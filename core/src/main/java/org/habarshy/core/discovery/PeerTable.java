package org.habarshy.core.discovery;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the raw service events of one or more JmDNS instances into deduplicated {@link PeerDiscoveryListener}
 * calls: each address of a peer is reported once, the node's own advertisement never, and a peer is lost only
 * when no instance sees any service of it any more. Thread-safe; calls {@code sink} while holding its lock, so
 * the sink sees events in order and must not block.
 */
final class PeerTable {
    /** A service as seen by one JmDNS instance ({@code source}); DNS names compare case-insensitively. */
    private record Key(int source, String serviceName) {
        Key {
            serviceName = serviceName.toLowerCase(Locale.ROOT);
        }
    }

    private final String ownInstanceId;
    private final PeerDiscoveryListener sink;
    private final Map<Key, String> instanceByService = new HashMap<>();
    private final Map<String, Set<InetSocketAddress>> reported = new HashMap<>();

    /**
     * @param ownInstanceId this node's instance id, whose advertisements are ignored
     * @param sink told about new addresses and lost peers
     */
    PeerTable(String ownInstanceId, PeerDiscoveryListener sink) {
        this.ownInstanceId = Objects.requireNonNull(ownInstanceId, "ownInstanceId");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Records that JmDNS instance {@code source} resolved {@code serviceName} to {@code advertisement} at
     * {@code addresses}, and reports the addresses not reported before.
     */
    synchronized void resolved(int source, String serviceName, Advertisement advertisement,
                               Collection<InetSocketAddress> addresses) {
        String instanceId = advertisement.instanceId();
        if (instanceId.equals(ownInstanceId)) {
            return;
        }
        Key key = new Key(source, serviceName);
        String previous = instanceByService.put(key, instanceId);
        if (previous != null && !previous.equals(instanceId)) {
            loseIfUnseen(previous);
        }
        Set<InetSocketAddress> known = reported.computeIfAbsent(instanceId, id -> new LinkedHashSet<>());
        for (InetSocketAddress address : addresses) {
            if (known.add(address)) {
                sink.peerFound(new DiscoveredPeer(instanceId, address));
            }
        }
    }

    /** Records that JmDNS instance {@code source} no longer sees {@code serviceName}. */
    synchronized void removed(int source, String serviceName) {
        String instanceId = instanceByService.remove(new Key(source, serviceName));
        if (instanceId != null) {
            loseIfUnseen(instanceId);
        }
    }

    /** Records that JmDNS instance {@code source} has stopped, so it sees nothing any more. */
    synchronized void sourceStopped(int source) {
        List<String> affected = new ArrayList<>();
        for (Iterator<Map.Entry<Key, String>> it = instanceByService.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, String> entry = it.next();
            if (entry.getKey().source() == source) {
                affected.add(entry.getValue());
                it.remove();
            }
        }
        affected.forEach(this::loseIfUnseen);
    }

    /** Returns whether {@code serviceName} has been resolved on {@code source} and not removed since. */
    synchronized boolean isResolved(int source, String serviceName) {
        return instanceByService.containsKey(new Key(source, serviceName));
    }

    private void loseIfUnseen(String instanceId) {
        if (instanceByService.containsValue(instanceId)) {
            return;
        }
        Set<InetSocketAddress> addresses = reported.remove(instanceId);
        if (addresses != null && !addresses.isEmpty()) {
            sink.peerLost(instanceId);
        }
    }
}

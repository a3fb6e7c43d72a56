package org.habarshy.relay.sms.mesh;

import java.util.LinkedHashMap;
import java.util.Map;
import org.habarshy.relay.daemon.Bridge;
import org.habarshy.relay.sms.SmsBridge;
import org.habarshy.relay.sms.store.SmsStore;

/**
 * The running SMS bridge of a relay daemon: the {@link SmsBridge} (gateway, queue, reassembly), its store, the sink
 * into the mesh and the forwarder to the SMS peers. Its counters appear in {@code habarshy-relay status}.
 */
final class SmsMeshBridge implements Bridge {
    private static final System.Logger LOG = System.getLogger(SmsMeshBridge.class.getName());

    private final SmsStore store;
    private final SmsBridge bridge;
    private final MeshSink sink;
    private final PeerForwarder forwarder;
    private final PlainSmsRequests requests;
    private final int peers;

    SmsMeshBridge(SmsStore store, SmsBridge bridge, MeshSink sink, PeerForwarder forwarder, PlainSmsRequests requests,
                  int peers) {
        this.store = store;
        this.bridge = bridge;
        this.sink = sink;
        this.forwarder = forwarder;
        this.requests = requests;
        this.peers = peers;
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>(bridge.counters().snapshot());
        out.put("sms.peers", (long) peers);
        out.put("sms.mesh.carried", sink.carried());
        out.put("sms.mesh.already-held", sink.alreadyHeld());
        out.put("sms.mesh.refused", sink.refused());
        out.put("sms.mesh.compact-carried", sink.compactCarried());
        out.put("sms.forward.skipped-too-large", forwarder.skippedTooLarge());
        out.put("sms.forward.skipped-too-old", forwarder.skippedTooOld());
        out.put("sms.forward.compact", forwarder.compactForwarded());
        out.put("sms.requests.plain-queued", requests.queued());
        out.put("sms.requests.refused-sender", requests.refusedSender());
        out.put("sms.requests.malformed", requests.malformed());
        out.put("sms.requests.deferred-budget", requests.deferred());
        out.put("sms.forward.malformed-carrier", forwarder.malformedCarriers());
        return out;
    }

    /** Stops forwarding, then the bridge and its gateway, then closes the store; queued SMS stay for the next run. */
    @Override
    public void close() {
        forwarder.close();
        requests.close();
        bridge.close();
        try {
            store.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "cannot close the SMS store: " + e.getClass().getSimpleName());
        }
        LOG.log(System.Logger.Level.INFO, "SMS bridge stopped");
    }
}

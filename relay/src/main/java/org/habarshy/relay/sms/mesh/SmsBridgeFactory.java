package org.habarshy.relay.sms.mesh;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.relay.daemon.Bridge;
import org.habarshy.relay.daemon.BridgeFactory;
import org.habarshy.relay.sms.SmsBridge;
import org.habarshy.relay.sms.SmsPeer;
import org.habarshy.relay.sms.SmsSettings;
import org.habarshy.relay.sms.store.SmsStore;

/**
 * Starts the SMS bridge of {@code habarshy-relay} when the configuration sets {@code sms.gateway} (found through
 * {@link java.util.ServiceLoader}): opens the SMS store in the data directory, builds the gateway from the
 * {@code sms.*} keys, carries envelopes received by SMS into the mesh and forwards the envelopes the relay holds to
 * the {@code sms.peer.*} relays, and serves users' plain-SMS requests sealed to {@code sms-request.pub}. Empty when the configuration has no SMS keys.
 */
public final class SmsBridgeFactory implements BridgeFactory {
    private static final System.Logger LOG = System.getLogger(SmsBridgeFactory.class.getName());

    @Override
    public Optional<Bridge> start(Map<String, String> settings, Path dataDir, Account account, Node node)
            throws Exception {
        SmsSettings sms = new SmsSettings(settings);
        if (!sms.enabled()) {
            return Optional.empty();
        }
        List<SmsPeer> peers = sms.peers();
        Clock clock = Clock.systemUTC();
        SmsStore store = SmsStore.open(sms.storeFile(dataDir));
        SmsBridge bridge = null;
        try {
            MeshSink sink = new MeshSink(account);
            AgreementKeyPair requestKey = SmsRequestKeyFile.loadOrCreate(dataDir, new SecureRandom());
            bridge = new SmsBridge(sms.gateway(), store, sms.bridgeConfig(), sink, clock);
            bridge.start();
            PlainSmsRequests requests = new PlainSmsRequests(account, bridge, requestKey, sms.plainSmsSenders(), clock,
                    sms.forwarding().interval());
            requests.start();
            PeerForwarder forwarder = new PeerForwarder(account, bridge, peers, sms.forwarding(), clock,
                    requests::addressedToRelay);
            forwarder.start();
            LOG.log(System.Logger.Level.INFO, "SMS bridge running through {0} with {1} SMS peer relay(s)",
                    bridge.gatewayStatus(), peers.size());
            return Optional.of(new SmsMeshBridge(store, bridge, sink, forwarder, requests, peers.size()));
        } catch (Exception | Error e) {
            if (bridge != null) {
                bridge.close();
            }
            store.close();
            throw e;
        }
    }
}

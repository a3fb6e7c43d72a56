package org.habarshy.relay.daemon;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;

/**
 * The slot for SMS gateways (and any later medium). {@code RelayDaemon.start} calls every factory it is given
 * with the configuration's raw {@code sms.*} settings and the relay's data directory (where a bridge keeps its own
 * files), once the relay's account and node run. An SMS bridge reads
 * its gateways from those settings, hands envelopes it receives to {@link Account#carry} and takes the envelopes to
 * send from {@link Account#carriedAfter}. {@code habarshy-relay run} finds factories with {@link java.util.ServiceLoader}:
 * to plug in the SMS facade ({@code org.habarshy.relay.sms}), implement this interface there and name the class in
 * {@code relay/src/main/resources/META-INF/services/org.habarshy.relay.daemon.BridgeFactory}. A factory must return
 * empty when the settings do not ask for it (a relay without {@code sms.*} keys runs no SMS bridge).
 */
@FunctionalInterface
public interface BridgeFactory {
    /**
     * Starts a bridge if {@code settings} ask for one; empty if this factory has nothing to do.
     *
     * @param settings the configuration's {@code sms.*} keys, values stripped
     * @param dataDir the relay's data directory (exists; the bridge may create files in it)
     * @param account the relay's account, to carry received envelopes and to walk the envelopes it holds
     * @param node the relay's running mesh node
     * @throws Exception if the settings ask for a bridge that cannot start (the daemon then stops with the message)
     */
    Optional<Bridge> start(Map<String, String> settings, Path dataDir, Account account, Node node) throws Exception;
}

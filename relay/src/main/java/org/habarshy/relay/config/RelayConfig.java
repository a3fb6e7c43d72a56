package org.habarshy.relay.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.relay.mailbox.MailboxPolicy;

/**
 * Everything a relay run needs, as read by {@link RelayConfigLoader}. Every key is documented in README.md
 * ("Running a relay") and in {@code relay/relay.sample.properties}.
 *
 * @param dataDir the relay's data directory (identity, database, status files)
 * @param name identity name used when the data directory is created
 * @param passphraseFile file whose first line is the identity passphrase; empty = unencrypted identity
 * @param node how the relay runs as a mesh node (bind, port, mesh peers, mDNS)
 * @param federation other relays to link to
 * @param trustedListSigners keys whose proxy lists this relay accepts
 * @param proxyListFiles signed proxy lists to import and carry into the mesh at start
 * @param proxyTimeout how long a proxy may take to connect us
 * @param proxyRetry how long a failed proxy is skipped at first (doubling while it keeps failing)
 * @param healthInterval how often every allowed proxy is checked
 * @param statusInterval how often the status file is rewritten
 * @param mailbox the mailbox limits, or empty if this relay keeps no mailboxes
 * @param sms the raw {@code sms.*} settings, handed to SMS gateway bridges (the SMS slot; see
 *     {@code org.habarshy.relay.daemon.BridgeFactory}); empty when the relay has no SMS link
 */
public record RelayConfig(Path dataDir, String name, Optional<Path> passphraseFile, NodeConfig node,
                          List<FederationPeer> federation, Set<IdentityKey> trustedListSigners,
                          List<Path> proxyListFiles, Duration proxyTimeout, Duration proxyRetry,
                          Duration healthInterval, Duration statusInterval, Optional<MailboxPolicy> mailbox,
                          Map<String, String> sms) {
    /** Copies the collections. */
    public RelayConfig {
        federation = List.copyOf(federation);
        trustedListSigners = Set.copyOf(trustedListSigners);
        proxyListFiles = List.copyOf(proxyListFiles);
        sms = Map.copyOf(sms);
    }

    /** Returns the mesh peers (for convenience in logs: only their count is logged). */
    public List<InetSocketAddress> meshPeers() {
        return node.staticPeers();
    }
}

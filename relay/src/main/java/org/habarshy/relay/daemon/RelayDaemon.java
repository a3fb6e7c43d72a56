package org.habarshy.relay.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.identity.IdentityFile;
import org.habarshy.core.mailbox.RelayCode;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeStatus;
import org.habarshy.core.store.StoreException;
import org.habarshy.relay.config.FederationPeer;
import org.habarshy.relay.config.RelayConfig;
import org.habarshy.relay.federation.FederationLink;
import org.habarshy.relay.mailbox.Mailbox;
import org.habarshy.relay.mailbox.MailboxKeyFile;
import org.habarshy.relay.proxy.InvalidDocumentException;
import org.habarshy.relay.proxy.ProxyEndpoint;
import org.habarshy.relay.proxy.ProxyHealth;
import org.habarshy.relay.proxy.ProxyProbe;
import org.habarshy.relay.proxy.PublicDocumentFormat;
import org.habarshy.relay.proxy.TrustedProxyLists;
import org.habarshy.relay.status.Counter;
import org.habarshy.relay.status.FederationState;
import org.habarshy.relay.status.RelayCounters;
import org.habarshy.relay.status.RelayStatus;
import org.habarshy.relay.status.RelayStatusFile;

/**
 * A running relay: a core mesh node ({@link Account} + {@link Node}, unchanged) that also keeps federation links to
 * other relays, directly or through vetted proxies, learns vetted proxy lists from the envelopes it carries,
 * health-checks the allowed proxies, runs bridges (the SMS slot, {@link BridgeFactory}), and writes
 * {@code relay.status}. Threads: the node's own, {@code habarshy-relay} (federation, list scanning, status) and
 * {@code habarshy-relay-health} (blocking proxy probes).
 */
public final class RelayDaemon implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RelayDaemon.class.getName());

    private final RelayConfig config;
    private final Clock clock;
    private final Account account;
    private final Node node;
    private final RelayCounters counters = new RelayCounters();
    private final TrustedProxyLists lists;
    private final ProxyHealth health;
    private final ScheduledExecutorService scheduler;
    private final ScheduledExecutorService healthExecutor;
    private final List<FederationLink> federation = new ArrayList<>();
    private final List<Bridge> bridges = new ArrayList<>();
    private final ProxyListWatcher watcher;
    private final Optional<Mailbox> mailbox;
    private final RelayStatusFile statusFile;
    private final long startedAt;

    private final AgreementKey linkKey;

    private RelayDaemon(RelayConfig config, Clock clock, Account account, Node node, AgreementKey linkKey,
                        Optional<AgreementKeyPair> mailboxKey) {
        this.linkKey = linkKey;
        this.config = config;
        this.clock = clock;
        this.account = account;
        this.node = node;
        this.lists = new TrustedProxyLists(config.trustedListSigners(), clock);
        this.health = new ProxyHealth(clock, config.proxyRetry());
        this.scheduler = executor("habarshy-relay");
        this.healthExecutor = executor("habarshy-relay-health");
        this.mailbox = mailboxKey.map(k -> new Mailbox(k, config.mailbox().orElseThrow(), clock, account::carry,
                counters));
        this.watcher = new ProxyListWatcher(account, lists, counters, this::pokeFederation,
                bytes -> mailbox.ifPresent(m -> m.offer(bytes)));
        this.statusFile = new RelayStatusFile(config.dataDir());
        this.startedAt = clock.millis();
    }

    /** One named daemon thread; work arriving after close (a link closing late) is dropped, not thrown. */
    private static ScheduledThreadPoolExecutor executor(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        return executor;
    }

    /**
     * Opens (or on a first run creates) the relay's data directory, starts its node, imports the configured proxy
     * lists, starts the bridges the factories make, and starts federation.
     */
    public static RelayDaemon start(RelayConfig config, Clock clock, List<BridgeFactory> bridgeFactories)
            throws IOException, StoreException {
        Account account = openAccount(config, clock);
        Optional<AgreementKeyPair> mailboxKey;
        AgreementKeyPair linkKey;
        Node node;
        try {
            mailboxKey = config.mailbox().isPresent()
                    ? Optional.of(MailboxKeyFile.loadOrCreate(config.dataDir(), new SecureRandom()))
                    : Optional.empty();
            linkKey = MailboxKeyFile.loadOrCreate(config.dataDir(), MailboxKeyFile.LINK_KEY_FILE, new SecureRandom());
            node = Node.start(account, config.node(), linkKey);
        } catch (IOException | StoreException | RuntimeException e) {
            account.close();
            throw e;
        }
        RelayDaemon daemon = new RelayDaemon(config, clock, account, node, linkKey.publicKey(), mailboxKey);
        try {
            daemon.begin(bridgeFactories);
        } catch (IOException | RuntimeException e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    private static Account openAccount(RelayConfig config, Clock clock) throws IOException, StoreException {
        char[] passphrase = readPassphrase(config.passphraseFile());
        try {
            if (new IdentityFile(config.dataDir()).exists()) {
                return Account.open(config.dataDir(), clock, passphrase);
            }
            Account account = Account.create(config.dataDir(), config.name(), clock, passphrase);
            LOG.log(System.Logger.Level.INFO, "created the relay identity in its data directory");
            return account;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static char[] readPassphrase(Optional<Path> file) throws IOException {
        if (file.isEmpty()) {
            return new char[0];
        }
        byte[] bytes = BoundedFiles.read(file.get(), 4_096, "the passphrase file");
        try {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            return line.replace("\r", "").toCharArray();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private void begin(List<BridgeFactory> bridgeFactories) throws IOException {
        for (Path file : config.proxyListFiles()) {
            importList(file);
        }
        scheduler.submit(watcher::scan);
        for (BridgeFactory factory : bridgeFactories) {
            Optional<Bridge> bridge;
            try {
                bridge = factory.start(config.sms(), config.dataDir(), account, node);
            } catch (Exception e) {
                throw new IOException("cannot start a bridge: " + e.getMessage(), e);
            }
            bridge.ifPresent(b -> {
                bridges.add(b);
                LOG.log(System.Logger.Level.INFO, "bridge {0} running", b.name());
            });
        }
        for (FederationPeer peer : config.federation()) {
            FederationLink link = new FederationLink(peer, node::openLink, lists, health, counters, scheduler,
                    config.proxyTimeout());
            federation.add(link);
            link.start();
        }
        long scan = 1_000;
        scheduler.scheduleWithFixedDelay(watcher::scan, scan, scan, TimeUnit.MILLISECONDS);
        long status = config.statusInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::writeStatus, 0, status, TimeUnit.MILLISECONDS);
        long check = config.healthInterval().toMillis();
        healthExecutor.scheduleWithFixedDelay(this::checkProxies, check, check, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "relay running on port {0,number,#}: {1} mesh peer(s), {2} federation "
                + "peer(s), {3} trusted list signer(s)", node.port(), config.meshPeers().size(),
                config.federation().size(), config.trustedListSigners().size());
    }

    /** Verifies a signed proxy-list file and stores it, so the node carries it into the mesh. */
    private void importList(Path file) throws IOException {
        byte[] bytes = BoundedFiles.read(file, EnvelopeFormat.MAX_BYTES, "a proxy list file");
        try {
            PublicDocumentFormat.open(bytes);
            account.carry(bytes);
        } catch (InvalidDocumentException e) {
            watcher.offer(bytes);
            return;
        } catch (MalformedEnvelopeException e) {
            counters.increment(Counter.LISTS_EXPIRED);
            LOG.log(System.Logger.Level.WARNING, "refused to import a proxy list: " + e.getMessage());
            return;
        } catch (StoreException e) {
            throw new IOException("cannot store a proxy list: " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "imported a proxy list file for carrying");
    }

    private void pokeFederation() {
        federation.forEach(FederationLink::poke);
    }

    private void checkProxies() {
        ProxyProbe probe = new ProxyProbe(config.proxyTimeout());
        for (ProxyEndpoint proxy : lists.allowed()) {
            if (probe.check(proxy)) {
                health.succeeded(proxy);
            } else {
                health.failed(proxy);
                counters.increment(Counter.PROXY_CHECKS_FAILED);
                LOG.log(System.Logger.Level.WARNING, "health check of proxy {0} failed", proxy.label());
            }
        }
        pokeFederation();
    }

    private void writeStatus() {
        try {
            statusFile.write(status());
        } catch (IOException | StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the relay status: " + e.getMessage());
        }
    }

    /** Returns the relay's status now (waits for the node's store thread). */
    public RelayStatus status() throws StoreException {
        NodeStatus n = node.currentStatus();
        List<FederationState> states = federation.stream().map(FederationLink::state).toList();
        Map<String, Long> values = new java.util.TreeMap<>();
        counters.snapshot().forEach((k, v) -> values.put(k.key(), v));
        bridges.forEach(b -> values.putAll(b.counters()));
        return new RelayStatus(n.pid(), startedAt, clock.millis(), node.port(), n.links().size(),
                n.envelopes().held(), lists.currentLists(), lists.allowed().size(),
                mailbox.map(m -> m.publicKey().hex()).orElse(""), mailboxUsers(),
                bridges.stream().map(Bridge::name).toList(), states, values);
    }

    private int mailboxUsers() {
        return mailbox.map(Mailbox::users).orElse(0);
    }

    /** Returns the mailbox public key (hex) that users seal mailbox requests to, if mailboxes are on. */
    public Optional<AgreementKey> mailboxKey() {
        return mailbox.map(Mailbox::publicKey);
    }

    /** Returns the relay's code: its link key and, if it keeps mailboxes, its mailbox key (PROTOCOL.md 8.5). */
    public RelayCode relayCode() {
        return new RelayCode(linkKey, mailboxKey());
    }

    /** Returns the relay's counters. */
    public RelayCounters counters() {
        return counters;
    }

    /** Returns the relay's account (its data directory). */
    public Account account() {
        return account;
    }

    /** Returns the relay's mesh node. */
    public Node node() {
        return node;
    }

    /** Stops bridges, federation, the node and the account, in that order, and removes the status file. */
    @Override
    public void close() {
        for (Bridge bridge : bridges) {
            bridge.close();
        }
        federation.forEach(FederationLink::close);
        healthExecutor.shutdownNow();
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        node.close();
        account.close();
        try {
            statusFile.delete();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not remove the relay status file");
        }
        LOG.log(System.Logger.Level.INFO, "relay stopped");
    }
}

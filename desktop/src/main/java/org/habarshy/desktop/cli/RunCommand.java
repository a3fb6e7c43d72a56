package org.habarshy.desktop.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.habarshy.core.identity.IdentityFile;
import org.habarshy.core.mailbox.KnownRelay;
import org.habarshy.core.mailbox.MailboxClient;
import org.habarshy.core.mailbox.MailboxPickup;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.routing.CarryLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import sun.misc.Signal;

/**
 * {@code habarshy run}: runs the node in the foreground until SIGINT or SIGTERM, or until {@code habarshy panic}
 * wipes its data directory from another process (then it exits with {@link #EXIT_WIPED}).
 */
@Command(name = "run", description = "Run the node in the foreground until Ctrl-C (SIGINT) or SIGTERM, or until "
        + "'habarshy panic' wipes its data directory (exit code 3).")
final class RunCommand implements Callable<Integer> {
    /** Exit code when the data directory was wiped under the running node. */
    static final int EXIT_WIPED = 3;

    @Mixin
    DataDirOption data;

    @Mixin
    PassphraseOption passphrase;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "Listen and run mDNS only on the interface holding ADDR (e.g. 127.0.0.1).")
    String bind;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + NodeConfig.DEFAULT_PORT,
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--peer", paramLabel = "HOST:PORT", description = "A peer to stay connected to (repeatable).")
    List<String> peers = new ArrayList<>();

    @Option(names = "--no-mdns", description = "Do not advertise or browse with mDNS.")
    boolean noMdns;

    @Option(names = "--carry-quota", paramLabel = "SIZE", defaultValue = "256MiB", converter = ByteSize.class,
            description = "Most disk space for envelopes carried for others, e.g. 64MiB or 1GiB (default: "
                    + "${DEFAULT-VALUE}); one peer link may fill a quarter of it. Your own messages are not counted.")
    long carryQuota;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<InetSocketAddress> staticPeers = parsePeers();
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean wiped = new AtomicBoolean();
        try (Account account = openOrCreate()) {
            // Only now: until the account is open, Ctrl-C must still abandon a passphrase prompt.
            Signal.handle(new Signal("INT"), s -> stop.countDown());
            Signal.handle(new Signal("TERM"), s -> stop.countDown());
            MailboxClient mailboxes = RelayClientCommand.client(account);
            for (KnownRelay relay : mailboxes.relays()) {
                staticPeers.add(new InetSocketAddress(relay.host(), relay.port()));
            }
            NodeConfig config = new NodeConfig(bindAddress(), port, staticPeers, !noMdns,
                    CarryLimits.withQuota(carryQuota));
            try (Node node = Node.start(account, config);
                 MailboxPickup pickup = MailboxPickup.start(mailboxes, node)) {
                node.onDataWiped(() -> {
                    wiped.set(true);
                    stop.countDown();
                });
                System.getLogger("org.habarshy").log(System.Logger.Level.INFO,
                        "node running on port {0,number,#}{1}; Ctrl-C stops it", node.port(),
                        config.mdns() ? " with mDNS" : "");
                stop.await();
                System.getLogger("org.habarshy").log(System.Logger.Level.INFO, "stopping");
            }
        }
        if (wiped.get()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("The data directory was wiped ('habarshy panic'): the node stopped and left it.");
            err.flush();
            return EXIT_WIPED;
        }
        return 0;
    }

    /** Opens the data directory; on a first run creates an identity so that 'run' works with no set-up. */
    private Account openOrCreate() throws Exception {
        Path dir = data.resolve();
        if (new IdentityFile(dir).exists()) {
            return passphrase.openAccount(dir);
        }
        String name = System.getProperty("user.name", "habarshy");
        char[] chosen = passphrase.forNewIdentity();
        Account account;
        try {
            account = Account.create(dir, name.isBlank() ? "habarshy" : name, Clock.systemUTC(), chosen);
        } finally {
            PassphraseSources.wipe(chosen);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("First run: created identity '" + account.card().name() + "' in " + dir
                + " (use 'habarshy init --name NAME' with another --data to choose a name).");
        out.println("Your contact code: " + account.contactCode());
        out.flush();
        return account;
    }

    private Optional<InetAddress> bindAddress() throws java.net.UnknownHostException {
        if (bind == null) {
            return Optional.empty();
        }
        // Only IP literals (IPv4 dotted, or IPv6 with colons): InetAddress parses them without a DNS query.
        if (!bind.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z]+)?")) {
            throw new IllegalArgumentException("--bind takes an IP address of this machine, e.g. 127.0.0.1; got '"
                    + bind + "'");
        }
        return Optional.of(InetAddress.getByName(bind));
    }

    private List<InetSocketAddress> parsePeers() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String peer : peers) {
            int colon = peer.lastIndexOf(':');
            if (colon <= 0 || colon == peer.length() - 1) {
                throw new IllegalArgumentException("--peer must be HOST:PORT, got '" + peer + "'");
            }
            String host = peer.substring(0, colon).replace("[", "").replace("]", "");
            int peerPort;
            try {
                peerPort = Integer.parseInt(peer.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--peer port is not a number in '" + peer + "'");
            }
            if (peerPort < 1 || peerPort > 65_535) {
                throw new IllegalArgumentException("--peer port out of range in '" + peer + "'");
            }
            InetSocketAddress address = new InetSocketAddress(host, peerPort);
            if (address.isUnresolved()) {
                throw new IllegalArgumentException("--peer host '" + host + "' cannot be resolved");
            }
            out.add(address);
        }
        return out;
    }
}

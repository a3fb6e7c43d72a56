package org.habarshy.relay.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.relay.daemon.RelayDaemon;
import org.habarshy.relay.proxy.ProxyEndpoint;
import org.habarshy.relay.proxy.ProxyListFixtures;
import org.habarshy.relay.testing.Microsocks;
import org.habarshy.relay.testing.Relays;
import org.habarshy.relay.testing.Tinyproxy;

/**
 * Alice's node → relay 1 → (direct | microsocks SOCKS5 | tinyproxy HTTP CONNECT) → relay 2 → Bob's node, all in one
 * JVM on loopback with real SQLite files. N messages are queued at Alice before her node starts; the time is from
 * her node's start until Bob's database holds all N. Run (after {@code mvn -pl relay package -DskipTests}
 * and {@code test-compile}):
 * {@code java -cp relay/target/test-classes:relay/target/habarshy-relay.jar org.habarshy.relay.bench.FederationBench 500 1000}
 */
public final class FederationBench {
    private FederationBench() {
    }

    /** Arguments: message count, text characters per message, rounds per mode. */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int chars = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (int r = 0; r < rounds; r++) {
            for (String mode : List.of("direct", "socks5", "http")) {
                long ms = run(mode, count, chars);
                System.out.printf("%-7s %d messages x %d chars: %d ms (%.0f messages/s)%n", mode, count, chars, ms,
                        count * 1000.0 / ms);
            }
        }
        System.exit(0);
    }

    private static NodeConfig meshPeer(int port) {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0,
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)), false);
    }

    private static long run(String mode, int count, int chars) throws Exception {
        Path dir = Files.createTempDirectory("hb-fedbench");
        Clock clock = Clock.systemUTC();
        AutoCloseable proxy = null;
        ProxyEndpoint endpoint = null;
        if (mode.equals("socks5")) {
            Microsocks m = Microsocks.start();
            proxy = m;
            endpoint = m.endpoint();
        } else if (mode.equals("http")) {
            Tinyproxy t = Tinyproxy.start(dir);
            proxy = t;
            endpoint = t.endpoint();
        }
        try (Account alice = Account.create(dir.resolve("alice"), "Alice", clock);
             Account bob = Account.create(dir.resolve("bob"), "Bob", clock);
             RelayDaemon relay2 = RelayDaemon.start(Relays.config(Relays.loopback(dir.resolve("r2")), dir), clock,
                     List.of());
             Node bobNode = Node.start(bob, meshPeer(relay2.node().port()))) {
            alice.addContact(bob.contactCode(), "bob");
            bob.addContact(alice.contactCode(), "alice");
            Properties p = Relays.loopback(dir.resolve("r1"));
            p.setProperty("federation.peers", "r2");
            p.setProperty("federation.r2.address", "127.0.0.1:" + relay2.node().port());
            if (endpoint == null) {
                p.setProperty("federation.r2.route", "direct");
            } else {
                SigningKeyPair key = ProxyListFixtures.newKey();
                Path list = dir.resolve("list");
                Files.write(list, ProxyListFixtures.list(key, clock.millis() - 1_000, Duration.ofDays(1),
                        List.of(endpoint)));
                p.setProperty("proxy.trust.keys", key.publicKey().hex());
                p.setProperty("proxy.list.files", list.toString());
            }
            try (RelayDaemon relay1 = RelayDaemon.start(Relays.config(p, dir), clock, List.of())) {
                while (!relay1.status().federation().get(0).up()) {
                    Thread.sleep(20);
                }
                String text = "ы".repeat(chars);
                for (int i = 0; i < count; i++) {
                    alice.send("bob", i + text);
                }
                long start = System.nanoTime();
                try (Node aliceNode = Node.start(alice, meshPeer(relay1.node().port()))) {
                    while (bob.messages(Optional.empty()).stream().filter(m -> m.direction() == Direction.INCOMING)
                            .count() < count) {
                        Thread.sleep(20);
                    }
                    return (System.nanoTime() - start) / 1_000_000;
                }
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

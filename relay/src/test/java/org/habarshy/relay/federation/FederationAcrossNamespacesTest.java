package org.habarshy.relay.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.node.Account;
import org.habarshy.core.testing.Await;
import org.habarshy.core.testing.NetworkNamespaces;
import org.habarshy.relay.proxy.ProxyEndpoint;
import org.habarshy.relay.proxy.ProxyKind;
import org.habarshy.relay.proxy.ProxyListFixtures;
import org.habarshy.relay.testing.Microsocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two islands that cannot reach each other, joined only by a proxy host — the shutdown this module is for. Three
 * network namespaces: island A (Alice's node and relay 1), the proxy host P (microsocks) and island B (relay 2 and
 * Bob's node); A–P and P–B are veth links, P does not forward packets. Every node and relay is its own process.
 */
class FederationAcrossNamespacesTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String A_ADDR = "169.254.41.1";
    private static final String P_ADDR_A = "169.254.41.2";
    private static final String P_ADDR_B = "169.254.42.1";
    private static final String B_ADDR = "169.254.42.2";
    private static final int RELAY_PORT = 7455;
    private static final int NODE_PORT = 7454;
    private static final int PROXY_PORT = 1080;

    @TempDir
    Path dir;

    private NetworkNamespaces network;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Optional<String> unavailable = NetworkNamespaces.unavailable();
        assumeTrue(unavailable.isEmpty(), () -> unavailable.orElseThrow());
        assumeTrue(Microsocks.available(), "microsocks is not installed (apt-get install microsocks)");
        network = new NetworkNamespaces("hb-prx");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        if (network != null) {
            network.close();
        }
    }

    private Process start(String namespace, String name, String... command) throws IOException {
        List<String> full = new ArrayList<>(NetworkNamespaces.execIn(namespace));
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(p);
        return p;
    }

    private Process java(String namespace, String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return start(namespace, name, command.toArray(String[]::new));
    }

    private Path relayConfig(String name, String bind, String... extra) throws IOException {
        Path file = dir.resolve(name + ".properties");
        List<String> lines = new ArrayList<>(List.of("data.dir=" + dir.resolve(name), "listen.bind=" + bind,
                "listen.port=" + RELAY_PORT, "status.interval.seconds=1"));
        lines.addAll(List.of(extra));
        Files.write(file, lines);
        return file;
    }

    private static List<String> incoming(Path dataDir) throws Exception {
        try (Account account = Account.open(dataDir, Clock.systemUTC())) {
            return account.messages(Optional.empty()).stream().filter(m -> m.direction() == Direction.INCOMING)
                    .map(Message::text).toList();
        }
    }

    private static boolean reachable(String namespace, String host, int port) throws Exception {
        Process nc = new ProcessBuilder(concat(NetworkNamespaces.execIn(namespace),
                List.of("bash", "-c", "exec 3<>/dev/tcp/" + host + "/" + port))).redirectErrorStream(true).start();
        return nc.waitFor(10, TimeUnit.SECONDS) && nc.exitValue() == 0;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void islandsJoinedOnlyByAProxyHostExchangeMessages() throws Exception {
        String nsA = network.add("a");
        String nsP = network.add("p");
        String nsB = network.add("b");
        network.link(nsA, "prx-ap", A_ADDR + "/24", nsP, "prx-pa", P_ADDR_A + "/24");
        network.link(nsP, "prx-pb", P_ADDR_B + "/24", nsB, "prx-bp", B_ADDR + "/24");
        for (String[] end : new String[][] {{nsA, "prx-ap"}, {nsP, "prx-pa"}, {nsP, "prx-pb"}, {nsB, "prx-bp"}}) {
            network.setUp(end[0], end[1], true);
        }
        NetworkNamespaces.require("ip", "netns", "exec", nsP, "sysctl", "-qw", "net.ipv4.ip_forward=0");

        Clock clock = Clock.systemUTC();
        Path aliceDir = dir.resolve("alice");
        Path bobDir = dir.resolve("bob");
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            alice.addContact(bob.contactCode(), "bob");
            bob.addContact(alice.contactCode(), "alice");
        }
        SigningKeyPair listKey = ProxyListFixtures.newKey();
        ProxyEndpoint proxy = new ProxyEndpoint(ProxyKind.SOCKS5, P_ADDR_A, PROXY_PORT);
        Path list = dir.resolve("proxies.hbpl");
        Files.write(list, ProxyListFixtures.list(listKey, clock.millis() - 1_000, Duration.ofDays(1), List.of(proxy)));

        start(nsP, "proxy", "/usr/bin/microsocks", "-i", P_ADDR_A, "-p", Integer.toString(PROXY_PORT));
        java(nsB, "relay2", "org.habarshy.relay.Main", "run", "--config", relayConfig("relay2", B_ADDR).toString());
        java(nsA, "relay1", "org.habarshy.relay.Main", "run", "--config", relayConfig("relay1", A_ADDR,
                "proxy.trust.keys=" + listKey.publicKey().hex(), "proxy.list.files=" + list,
                "federation.peers=r2", "federation.r2.address=" + B_ADDR + ":" + RELAY_PORT,
                "federation.r2.route=proxy").toString());
        java(nsB, "bob", "org.habarshy.relay.testing.NodeMain", bobDir.toString(), B_ADDR,
                Integer.toString(NODE_PORT), B_ADDR + ":" + RELAY_PORT);
        java(nsA, "alice", "org.habarshy.relay.testing.NodeMain", aliceDir.toString(), A_ADDR,
                Integer.toString(NODE_PORT), A_ADDR + ":" + RELAY_PORT);

        Await.until("relay 2 listening", LIMIT, () -> reachable(nsB, B_ADDR, RELAY_PORT));
        assertThat(reachable(nsA, B_ADDR, RELAY_PORT)).as("island A cannot reach island B directly").isFalse();
        assertThat(reachable(nsA, P_ADDR_A, PROXY_PORT)).as("island A reaches the proxy").isTrue();

        long sentAt = System.nanoTime();
        try (Account alice = Account.open(aliceDir, clock)) {
            alice.send("bob", "Сәлем аралдан! Привет с острова!");
        }
        Await.until("Bob's node on island B has Alice's message", LIMIT,
                () -> incoming(bobDir).contains("Сәлем аралдан! Привет с острова!"));
        System.out.printf("FederationAcrossNamespacesTest: message committed on island A reached Bob on island B "
                + "through the proxy host in %d ms%n", (System.nanoTime() - sentAt) / 1_000_000);
        String relay1Log = Files.readString(dir.resolve("relay1.log"));
        assertThat(relay1Log).contains("link up via " + proxy.label()).doesNotContain(B_ADDR).doesNotContain(P_ADDR_A);
    }
}

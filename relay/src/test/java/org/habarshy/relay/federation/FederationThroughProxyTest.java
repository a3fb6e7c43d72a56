package org.habarshy.relay.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.testing.Await;
import org.habarshy.relay.daemon.RelayDaemon;
import org.habarshy.relay.proxy.ProxyEndpoint;
import org.habarshy.relay.proxy.ProxyListFixtures;
import org.habarshy.relay.status.Counter;
import org.habarshy.relay.status.FederationState;
import org.habarshy.relay.testing.LogCapture;
import org.habarshy.relay.testing.Microsocks;
import org.habarshy.relay.testing.Relays;
import org.habarshy.relay.testing.Tinyproxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mesh A (Alice's node) → relay 1 → a real SOCKS5 proxy process (microsocks) → relay 2 → mesh B (Bob's node): real
 * nodes, real SQLite files, real TCP on loopback, real proxies. Relay 1 may reach relay 2 only through proxies on a
 * list signed by a key it trusts.
 */
class FederationThroughProxyTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final SigningKeyPair listKey = ProxyListFixtures.newKey();
    private Account alice;
    private Account bob;
    private RelayDaemon relay2;
    private Node bobNode;

    @BeforeEach
    void meshB() throws Exception {
        Assumptions.assumeTrue(Microsocks.available(), "microsocks is not installed (apt-get install microsocks)");
        alice = track(Account.create(dir.resolve("alice"), "Alice", CLOCK));
        bob = track(Account.create(dir.resolve("bob"), "Bob", CLOCK));
        alice.addContact(bob.contactCode(), "bob");
        bob.addContact(alice.contactCode(), "alice");
        relay2 = track(RelayDaemon.start(Relays.config(Relays.loopback(dir.resolve("relay2")), dir), CLOCK, List.of()));
        bobNode = track(Node.start(bob, meshPeer(relay2.node().port())));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private static NodeConfig meshPeer(int port) {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0,
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)), false);
    }

    /** Relay 1: trusts {@code listKey}, federates with relay 2 through proxies only. */
    private Properties relay1Properties() throws Exception {
        Properties p = Relays.loopback(dir.resolve("relay1"));
        p.setProperty("proxy.trust.keys", listKey.publicKey().hex());
        p.setProperty("federation.peers", "r2");
        p.setProperty("federation.r2.address", "127.0.0.1:" + relay2.node().port());
        p.setProperty("federation.r2.route", "proxy");
        p.setProperty("proxy.timeout.seconds", "5");
        return p;
    }

    private Path listFile(String name, byte[] envelope) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, envelope);
        return file;
    }

    private byte[] currentList(List<ProxyEndpoint> proxies) {
        return ProxyListFixtures.list(listKey, CLOCK.millis() - 1_000, Duration.ofDays(7), proxies);
    }

    private static Optional<Message> find(Account account, EnvelopeId id) throws Exception {
        return account.messages(Optional.empty()).stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static List<String> incomingTexts(Account account) throws Exception {
        return account.messages(Optional.empty()).stream().filter(m -> m.direction() == Direction.INCOMING)
                .map(Message::text).toList();
    }

    @Test
    void aMessageTravelsFromMeshAThroughASocks5ProxyToMeshBWithTheListCarriedThroughTheMesh() throws Exception {
        Microsocks proxy = track(Microsocks.start());
        RelayDaemon relay1 = track(RelayDaemon.start(Relays.config(relay1Properties(), dir), CLOCK, List.of()));
        track(Node.start(alice, meshPeer(relay1.node().port())));

        // The signed list reaches relay 1 as an envelope carried from Alice's node, not from a file.
        assertThat(alice.carry(currentList(List.of(proxy.endpoint())))).isTrue();
        EnvelopeId id = alice.send("bob", "Сәлем! Бұл хабар прокси арқылы келді.");

        Await.until("Alice's message delivered to Bob and the receipt back", LIMIT,
                () -> find(alice, id).map(Message::state).orElseThrow() == MessageState.DELIVERED);
        assertThat(incomingTexts(bob)).containsExactly("Сәлем! Бұл хабар прокси арқылы келді.");
        assertThat(relay1.counters().get(Counter.LISTS_ACCEPTED)).isEqualTo(1);
        assertThat(relay1.counters().get(Counter.PROXY_CONNECTED)).isGreaterThanOrEqualTo(1);
        assertThat(relay1.counters().get(Counter.DIRECT_ATTEMPTS)).isZero();
        FederationState r2 = relay1.status().federation().get(0);
        assertThat(r2.up()).isTrue();
        assertThat(r2.via()).isEqualTo(proxy.endpoint().label());
    }

    @Test
    void aProxyThatDiesMidTransferFailsOverToTheNextWithNothingLostAndNoDuplicates() throws Exception {
        Microsocks first = track(Microsocks.start());
        Microsocks second = track(Microsocks.start());
        Properties p = relay1Properties();
        p.setProperty("proxy.list.files",
                listFile("list", currentList(List.of(first.endpoint(), second.endpoint()))).toString());
        RelayDaemon relay1 = track(RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of()));
        Await.until("federation link up through the first proxy", LIMIT,
                () -> first.endpoint().label().equals(relay1.status().federation().get(0).via()));
        track(Node.start(alice, meshPeer(relay1.node().port())));

        int total = 120;
        List<String> texts = new ArrayList<>();
        boolean killed = false;
        for (int i = 0; i < total; i++) {
            String text = "message " + i + " " + "ы".repeat(1_000);
            texts.add(text);
            alice.send("bob", text);
            // Kill the first proxy while envelopes stream through it: some have reached Bob, most have not.
            if (!killed && incomingTexts(bob).size() >= 10) {
                first.kill();
                killed = true;
            }
            Thread.sleep(15);
        }
        assertThat(killed).as("the first proxy was killed while the transfer ran").isTrue();

        Await.until("all " + total + " messages reached Bob", LIMIT, () -> incomingTexts(bob).size() >= total);
        List<String> received = incomingTexts(bob);
        assertThat(received).hasSize(total).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(texts);
        assertThat(relay1.counters().get(Counter.PROXY_FAILURES)).isGreaterThanOrEqualTo(1);
        FederationState r2 = relay1.status().federation().get(0);
        assertThat(r2.via()).isEqualTo(second.endpoint().label());
        assertThat(relay1.counters().get(Counter.DIRECT_ATTEMPTS)).isZero();
    }

    @Test
    void aProxyThatNoTrustedListNamesIsRefused() throws Exception {
        Microsocks unlisted = track(Microsocks.start());
        Microsocks listed = track(Microsocks.start());
        Properties p = relay1Properties();
        p.setProperty("proxy.list.files", listFile("list", currentList(List.of(listed.endpoint()))).toString());
        p.setProperty("federation.r2.proxies", unlisted.endpoint().uri());
        RelayDaemon relay1 = track(RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of()));
        track(Node.start(alice, meshPeer(relay1.node().port())));
        alice.send("bob", "must not pass through an unvetted proxy");

        Await.until("the unlisted proxy refused", LIMIT, () -> relay1.counters().get(Counter.PROXY_REFUSED) >= 2);
        assertThat(relay1.counters().get(Counter.LISTS_ACCEPTED)).isEqualTo(1);
        assertThat(relay1.counters().get(Counter.PROXY_ATTEMPTS)).isZero();
        assertThat(relay1.counters().get(Counter.DIRECT_ATTEMPTS)).isZero();
        assertThat(relay1.status().federation().get(0).up()).isFalse();
        assertThat(relay2.node().linkCount()).as("only Bob's node is linked to relay 2").isEqualTo(1);
        assertThat(incomingTexts(bob)).isEmpty();
    }

    @Test
    void expiredBadlySignedAndUntrustedListsAreRefusedAndNoProxyIsUsed() throws Exception {
        Microsocks proxy = track(Microsocks.start());
        List<ProxyEndpoint> proxies = List.of(proxy.endpoint());
        long now = CLOCK.millis();
        byte[] expired = ProxyListFixtures.list(listKey, now - Duration.ofDays(3).toMillis(), Duration.ofDays(1),
                proxies);
        byte[] badlySigned = currentList(proxies);
        badlySigned[badlySigned.length - 1] ^= 0x01;
        byte[] untrusted = ProxyListFixtures.list(ProxyListFixtures.newKey(), now - 1_000, Duration.ofDays(1), proxies);
        Properties p = relay1Properties();
        p.setProperty("proxy.list.files", String.join(",", listFile("expired", expired).toString(),
                listFile("bad", badlySigned).toString(), listFile("untrusted", untrusted).toString()));
        RelayDaemon relay1 = track(RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of()));
        track(Node.start(alice, meshPeer(relay1.node().port())));
        // The same bad lists also arrive through the mesh, as a carrier cannot judge them.
        byte[] badInMesh = currentList(proxies);
        badInMesh[56] ^= 0x01; // a byte of the host name: layout intact, signature broken
        alice.carry(badInMesh);
        alice.send("bob", "must wait for a vetted proxy");

        Await.until("every list refused", LIMIT, () -> relay1.counters().get(Counter.LISTS_EXPIRED) == 1
                && relay1.counters().get(Counter.LISTS_BAD_SIGNATURE) == 2
                && relay1.counters().get(Counter.LISTS_UNTRUSTED) == 1);
        Thread.sleep(1_500); // let the federation link look for proxies a few times
        assertThat(relay1.counters().get(Counter.LISTS_ACCEPTED)).isZero();
        assertThat(relay1.status().allowedProxies()).isZero();
        assertThat(relay1.counters().get(Counter.PROXY_ATTEMPTS)).isZero();
        assertThat(relay1.status().federation().get(0).up()).isFalse();
        assertThat(incomingTexts(bob)).isEmpty();
    }

    @Test
    void aMessageTravelsThroughAnHttpConnectProxy() throws Exception {
        Assumptions.assumeTrue(Tinyproxy.available(), "tinyproxy is not installed (apt-get install tinyproxy-bin)");
        Tinyproxy proxy = track(Tinyproxy.start(dir));
        Properties p = relay1Properties();
        p.setProperty("proxy.list.files", listFile("list", currentList(List.of(proxy.endpoint()))).toString());
        RelayDaemon relay1 = track(RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of()));
        track(Node.start(alice, meshPeer(relay1.node().port())));
        EnvelopeId id = alice.send("bob", "Through HTTP CONNECT");

        Await.until("delivered through the HTTP proxy", LIMIT,
                () -> find(alice, id).map(Message::state).orElseThrow() == MessageState.DELIVERED);
        assertThat(incomingTexts(bob)).containsExactly("Through HTTP CONNECT");
        assertThat(relay1.status().federation().get(0).via()).isEqualTo(proxy.endpoint().label());
    }

    @Test
    void proxiesThatCannotReachThePeerAreRotatedAndTheLogNamesNoAddress() throws Exception {
        Microsocks first = track(Microsocks.start());
        Microsocks second = track(Microsocks.start());
        int deadPort = Microsocks.freePort();
        Properties p = relay1Properties();
        p.setProperty("federation.r2.address", "127.0.0.1:" + deadPort);
        p.setProperty("proxy.list.files",
                listFile("list", currentList(List.of(first.endpoint(), second.endpoint()))).toString());
        try (LogCapture log = LogCapture.start()) {
            RelayDaemon relay1 = track(RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of()));
            Await.until("both proxies tried and failed", LIMIT,
                    () -> relay1.counters().get(Counter.PROXY_FAILURES) >= 2);
            assertThat(relay1.counters().get(Counter.PROXY_CONNECTED)).isZero();
            assertThat(relay1.status().federation().get(0).usableProxies()).isZero();
            assertThat(log.lines()).anyMatch(l -> l.contains(first.endpoint().label()))
                    .anyMatch(l -> l.contains(second.endpoint().label()));
            for (String line : log.lines()) {
                assertThat(line).doesNotContain("127.0.0.1").doesNotContain(Integer.toString(deadPort))
                        .doesNotContain(":" + first.endpoint().port()).doesNotContain(":" + second.endpoint().port());
            }
        }
    }

    @Test
    void aDirectRouteNeedsNoProxy() throws Exception {
        Properties p = relay1Properties();
        p.setProperty("federation.r2.route", "direct");
        RelayDaemon relay1 = track(RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of()));
        track(Node.start(alice, meshPeer(relay1.node().port())));
        EnvelopeId id = alice.send("bob", "Directly between relays");
        Await.until("delivered directly", LIMIT,
                () -> find(alice, id).map(Message::state).orElseThrow() == MessageState.DELIVERED);
        assertThat(relay1.status().federation().get(0).via()).isEqualTo("direct");
        assertThat(relay1.counters().get(Counter.PROXY_ATTEMPTS)).isZero();
    }
}

package org.habarshy.relay.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.mailbox.RelayCode;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.CarriedEnvelope;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.testing.Await;
import org.habarshy.relay.cli.RelayCommand;
import org.habarshy.relay.config.ConfigException;
import org.habarshy.relay.daemon.RelayDaemon;
import org.habarshy.relay.proxy.ProxyListFixtures;
import org.habarshy.relay.status.Counter;
import org.habarshy.relay.testing.LogCapture;
import org.habarshy.relay.testing.Microsocks;
import org.habarshy.relay.testing.Relays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Federation links are pinned to the peer relay's link key from its relay code ({@code federation.NAME.code}): a
 * relay answering at the peer's address with another key — an impostor reached directly, or behind a real SOCKS5
 * proxy (microsocks) — is refused before any sync record is exchanged, with a log line that names neither
 * addresses nor keys; the genuine peer links and carries messages. Real relays, SQLite files and loopback TCP.
 */
class FederationKeyPinningTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private RelayDaemon genuine;
    private RelayDaemon impostor;
    private Account alice;
    private Account bob;

    @BeforeEach
    void relays() throws Exception {
        genuine = track(RelayDaemon.start(Relays.config(Relays.loopback(dir.resolve("genuine")), dir), CLOCK,
                List.of()));
        impostor = track(RelayDaemon.start(Relays.config(Relays.loopback(dir.resolve("impostor")), dir), CLOCK,
                List.of()));
        alice = track(Account.create(dir.resolve("alice"), "Alice", CLOCK));
        bob = track(Account.create(dir.resolve("bob"), "Bob", CLOCK));
        alice.addContact(bob.contactCode(), "bob");
        bob.addContact(alice.contactCode(), "alice");
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

    /** The dialling relay: federates with "peer" at {@code port}, pinned to the genuine relay's code. */
    private Properties dialler(int port, String route) throws Exception {
        Properties p = Relays.loopback(dir.resolve("dialler"));
        p.setProperty("federation.peers", "peer");
        p.setProperty("federation.peer.address", "127.0.0.1:" + port);
        p.setProperty("federation.peer.route", route);
        p.setProperty("federation.peer.code", genuine.relayCode().encode());
        return p;
    }

    private static boolean holds(Account account, EnvelopeId id) throws Exception {
        for (CarriedEnvelope e : account.carriedAfter(0, 10_000)) {
            if (org.habarshy.core.crypto.EnvelopeFormat.idOf(e.bytes()).equals(id)) {
                return true;
            }
        }
        return false;
    }

    private void assertLogsNameNoAddressOrKey(LogCapture log, int... ports) {
        String genuineKey = genuine.relayCode().linkKey().hex();
        String impostorKey = impostor.relayCode().linkKey().hex();
        for (String line : log.lines()) {
            assertThat(line).doesNotContain("127.0.0.1").doesNotContain(genuineKey).doesNotContain(impostorKey)
                    .doesNotContain(genuine.relayCode().encode());
            for (int port : ports) {
                assertThat(line).doesNotContain(":" + port);
            }
        }
    }

    @Test
    void aRelayWithAnotherKeyAtThePeersAddressIsRefusedBeforeAnySync() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            RelayDaemon dialler = track(RelayDaemon.start(
                    Relays.config(dialler(impostor.node().port(), "direct"), dir), CLOCK, List.of()));
            track(Node.start(alice, meshPeer(dialler.node().port())));
            EnvelopeId id = alice.send("bob", "Only for the genuine relay");
            Await.until("the message reached the dialling relay", LIMIT, () -> holds(dialler.account(), id));

            Await.until("the impostor refused twice", LIMIT,
                    () -> dialler.counters().get(Counter.FEDERATION_WRONG_KEY) >= 2);
            assertThat(dialler.counters().get(Counter.FEDERATION_LINKS_UP)).isZero();
            assertThat(dialler.status().federation().get(0).up()).isFalse();
            assertThat(holds(impostor.account(), id)).as("the impostor got no envelope").isFalse();
            assertThat(log.lines()).anyMatch(l -> l.contains("federation peer peer: the relay that answered "
                    + "presented a link key other than the one in the configured relay code; link refused"));
            assertLogsNameNoAddressOrKey(log, impostor.node().port());
        }
    }

    @Test
    void anImpostorBehindARealSocks5ProxyIsRefusedAndTheProxyBacksOff() throws Exception {
        Assumptions.assumeTrue(Microsocks.available(), "microsocks is not installed (apt-get install microsocks)");
        Microsocks proxy = track(Microsocks.start());
        var listKey = ProxyListFixtures.newKey();
        Path list = dir.resolve("list");
        Files.write(list, ProxyListFixtures.list(listKey, CLOCK.millis() - 1_000, Duration.ofDays(7),
                List.of(proxy.endpoint())));
        Properties p = dialler(impostor.node().port(), "proxy");
        p.setProperty("proxy.trust.keys", listKey.publicKey().hex());
        p.setProperty("proxy.list.files", list.toString());
        try (LogCapture log = LogCapture.start()) {
            RelayDaemon dialler = track(RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of()));
            Await.until("the impostor behind the proxy refused", LIMIT,
                    () -> dialler.counters().get(Counter.FEDERATION_WRONG_KEY) >= 1
                            && dialler.counters().get(Counter.PROXY_FAILURES) >= 1);
            assertThat(dialler.counters().get(Counter.PROXY_CONNECTED)).isGreaterThanOrEqualTo(1);
            assertThat(dialler.counters().get(Counter.FEDERATION_LINKS_UP)).isZero();
            assertThat(log.lines()).anyMatch(l -> l.contains("the relay behind the proxy presented a wrong link key")
                    && l.contains(proxy.endpoint().label()));
            assertLogsNameNoAddressOrKey(log, impostor.node().port(), proxy.endpoint().port());
        }
    }

    @Test
    void theGenuineRelayLinksAndCarriesMessages() throws Exception {
        track(Node.start(bob, meshPeer(genuine.node().port())));
        RelayDaemon dialler = track(RelayDaemon.start(Relays.config(dialler(genuine.node().port(), "direct"), dir),
                CLOCK, List.of()));
        track(Node.start(alice, meshPeer(dialler.node().port())));
        EnvelopeId id = alice.send("bob", "Сәлем, тексерілген реле арқылы!");
        Await.until("delivered through the pinned link", LIMIT, () -> alice.messages(Optional.empty()).stream()
                .filter(m -> m.id().equals(id)).map(Message::state).findFirst().orElseThrow()
                == MessageState.DELIVERED);
        assertThat(dialler.status().federation().get(0).up()).isTrue();
        assertThat(dialler.counters().get(Counter.FEDERATION_WRONG_KEY)).isZero();
    }

    @Test
    void theLinkKeySurvivesARestartAndIdPrintsTheRelayCode() throws Exception {
        Properties p = Relays.loopback(dir.resolve("restarted"));
        p.setProperty("mailbox.enabled", "true");
        Path file = dir.resolve("restarted.properties");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        StringWriter printed = new StringWriter();
        int exit = RelayCommand.newCommandLine().setOut(new PrintWriter(printed))
                .execute("id", "--config", file.toString());
        assertThat(exit).isZero();
        RelayCode code = RelayCode.parse(printed.toString().strip());
        try (RelayDaemon first = RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of())) {
            assertThat(first.relayCode()).isEqualTo(code);
        }
        try (RelayDaemon second = RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of())) {
            assertThat(second.relayCode()).isEqualTo(code);
            assertThat(code.mailboxKey()).isPresent();
        }
        assertThat(HexFormat.of().formatHex(code.linkKey().bytes())).hasSize(64);
    }

    @Test
    void aDamagedRelayCodeInTheConfigurationIsRefusedNamingTheKey() throws Exception {
        Properties p = dialler(genuine.node().port(), "direct");
        String code = genuine.relayCode().encode();
        p.setProperty("federation.peer.code", code.substring(0, 10) + (code.charAt(10) == 'A' ? 'B' : 'A')
                + code.substring(11));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Relays.config(p, dir))
                .isInstanceOf(ConfigException.class).hasMessageContaining("federation.peer.code")
                .hasMessageContaining("checksum");
    }
}

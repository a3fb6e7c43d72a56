package org.habarshy.relay.sms.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.testing.Await;
import org.habarshy.relay.daemon.RelayDaemon;
import org.habarshy.relay.sms.gateway.smpp.TestSmsc;
import org.habarshy.relay.testing.LogCapture;
import org.habarshy.relay.testing.Relays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mesh A → relay 1 → SMS → relay 2 → mesh B, and the receipt back the same way: real core nodes and accounts on
 * loopback, two in-JVM relay daemons started from configuration properties with the SMS bridge found as a
 * {@code BridgeFactory}, and a real jsmpp SMSC session on loopback between them. Alice's node links only to relay 1,
 * Bob's only to relay 2, and the relays have no federation link: SMS is the only path.
 */
class SmsRelayEndToEndTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String NUMBER_1 = "+77010000011";
    private static final String NUMBER_2 = "+77010000022";

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final java.util.logging.Logger habarshyLogger = java.util.logging.Logger.getLogger("org.habarshy");
    private LogCapture logs;
    private TestSmsc smsc;
    private Account alice;
    private Account bob;

    @BeforeEach
    void start() throws Exception {
        habarshyLogger.setLevel(java.util.logging.Level.ALL);
        logs = LogCapture.start();
        smsc = new TestSmsc();
        smsc.route(digits(NUMBER_1), "relay-1");
        smsc.route(digits(NUMBER_2), "relay-2");
        alice = track(Account.create(dir.resolve("alice"), "Alice", CLOCK));
        bob = track(Account.create(dir.resolve("bob"), "Bob", CLOCK));
        alice.addContact(bob.contactCode(), "bob");
        bob.addContact(alice.contactCode(), "alice");
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        smsc.close();
        logs.close();
        habarshyLogger.setLevel(null);
        assertThat(logs.lines()).anyMatch(line -> line.contains("SMS bridge running through smpp"))
                .noneMatch(line -> line.contains(digits(NUMBER_1))
                || line.contains(digits(NUMBER_2)));
    }

    private <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private static String digits(String number) {
        return number.substring(1);
    }

    /** A relay whose only link to the other island is its SMPP account at the test SMSC. */
    private Properties relay(String name, String ownNumber, String peerName, String peerNumber) throws Exception {
        Properties p = Relays.loopback(dir.resolve(name));
        p.setProperty("sms.gateway", "smpp");
        p.setProperty("sms.smpp.host", "127.0.0.1");
        p.setProperty("sms.smpp.port", Integer.toString(smsc.port()));
        p.setProperty("sms.smpp.system-id", name);
        p.setProperty("sms.smpp.password", "pw");
        p.setProperty("sms.smpp.source-address", digits(ownNumber));
        p.setProperty("sms.smpp.reconnect-min", "50ms");
        p.setProperty("sms.smpp.reconnect-max", "200ms");
        p.setProperty("sms.tick", "50ms");
        p.setProperty("sms.forward.interval", "100ms");
        p.setProperty("sms.peer." + peerName, peerNumber);
        return p;
    }

    private RelayDaemon startRelay(Properties p) throws Exception {
        return RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of(new SmsBridgeFactory()));
    }

    private static NodeConfig meshPeer(int port) {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0,
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)), false);
    }

    private static Optional<Message> find(Account account, EnvelopeId id) throws Exception {
        return account.messages(Optional.empty()).stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static List<String> incoming(Account account) throws Exception {
        return account.messages(Optional.empty()).stream().filter(m -> m.direction() == Direction.INCOMING)
                .map(Message::text).toList();
    }

    private long submittedBy(String number) {
        return smsc.submitted().stream().filter(s -> s.source().equals(digits(number))).count();
    }

    private static long counter(RelayDaemon relay, String key) throws Exception {
        return relay.status().counters().getOrDefault(key, -1L);
    }

    @Test
    void aMessageCrossesBySmsBetweenTwoRelaysAndItsReceiptComesBackTheSameWay() throws Exception {
        Properties relay1Properties = relay("relay-1", NUMBER_1, "taraz", NUMBER_2);
        RelayDaemon relay1 = track(startRelay(relay1Properties));
        RelayDaemon relay2 = track(startRelay(relay("relay-2", NUMBER_2, "almaty", NUMBER_1)));
        Await.until("both relays bound to the SMSC", LIMIT, () -> smsc.isBound("relay-1")
                && smsc.isBound("relay-2"));
        assertThat(relay1.status().bridges()).containsExactly("sms");
        Node aliceNode = track(Node.start(alice, meshPeer(relay1.node().port())));
        track(Node.start(bob, meshPeer(relay2.node().port())));

        String text = "Сәлем, Бақыт! Интернет жоқ, бірақ SMS бар. Привет из Тараза.";
        EnvelopeId id = alice.send("bob", text);
        Await.until("Bob received the message by SMS", LIMIT, () -> incoming(bob).contains(text));
        Await.until("Alice sees it delivered (receipt by SMS)", LIMIT,
                () -> find(alice, id).map(Message::state).orElseThrow() == MessageState.DELIVERED);

        long out1 = submittedBy(NUMBER_1);
        long out2 = submittedBy(NUMBER_2);
        System.out.printf("SMS segments: relay 1 -> relay 2: %d (message), relay 2 -> relay 1: %d (receipt)%n",
                out1, out2);
        assertThat(out1).isPositive();
        assertThat(out2).isPositive();
        assertThat(counter(relay1, "sms.forward.queued")).isPositive();
        assertThat(counter(relay2, "sms.mesh.carried")).isPositive();
        assertThat(counter(relay2, "sms.forward.queued")).isPositive();
        assertThat(counter(relay1, "sms.mesh.carried")).isPositive();
        // No ping-pong: what came by SMS from a peer is not sent back to it, on either side.
        Await.until("both relays skipped what came from their peer", LIMIT,
                () -> counter(relay1, "sms.forward.skipped-from-peer") >= 1
                        && counter(relay2, "sms.forward.skipped-from-peer") >= 1);
        Thread.sleep(1_000); // ten forwarding rounds
        assertThat(submittedBy(NUMBER_1)).isEqualTo(out1);
        assertThat(submittedBy(NUMBER_2)).isEqualTo(out2);

        // A restart of relay 1 resumes from its stored cursors: nothing is sent again, a new message is.
        open.remove(aliceNode);
        aliceNode.close();
        open.remove(relay1);
        relay1.close();
        RelayDaemon restarted = track(startRelay(relay1Properties));
        track(Node.start(alice, meshPeer(restarted.node().port())));
        Await.until("relay 1 bound again", LIMIT, () -> smsc.isBound("relay-1"));
        String second = "Второе сообщение после перезапуска.";
        EnvelopeId secondId = alice.send("bob", second);
        Await.until("Bob received the second message", LIMIT, () -> incoming(bob).contains(second));
        Await.until("Alice sees the second delivered", LIMIT,
                () -> find(alice, secondId).map(Message::state).orElseThrow() == MessageState.DELIVERED);
        Map<String, Long> after = restarted.status().counters();
        System.out.printf("after restart: relay 1 queued %d envelope(s), %d more segments%n",
                after.get("sms.forward.queued"), submittedBy(NUMBER_1) - out1);
        assertThat(after.get("sms.forward.queued")).isEqualTo(1);
        assertThat(counter(relay2, "sms.mesh.carried")).isEqualTo(2);
    }

    @Test
    void whenThePeersBudgetIsSpentNothingIsSentAndTheEnvelopeWaitsForTheNextDay() throws Exception {
        Properties p = relay("relay-1", NUMBER_1, "taraz", NUMBER_2);
        p.setProperty("sms.budget.per-origin", "2"); // a message needs 3 segments
        RelayDaemon relay1 = track(startRelay(p));
        RelayDaemon relay2 = track(startRelay(relay("relay-2", NUMBER_2, "almaty", NUMBER_1)));
        Await.until("both relays bound to the SMSC", LIMIT, () -> smsc.isBound("relay-1")
                && smsc.isBound("relay-2"));
        track(Node.start(alice, meshPeer(relay1.node().port())));
        track(Node.start(bob, meshPeer(relay2.node().port())));
        alice.send("bob", "Бюджет таусылды.");
        Await.until("forwarding deferred by the budget", LIMIT,
                () -> counter(relay1, "sms.forward.deferred-budget") == 1);
        Thread.sleep(1_000); // ten forwarding rounds: the peer waits for the next UTC day, it does not retry
        assertThat(counter(relay1, "sms.forward.deferred-budget")).isEqualTo(1);
        assertThat(counter(relay1, "sms.forward.queued")).isZero();
        assertThat(smsc.submitted()).isEmpty();
        assertThat(incoming(bob)).isEmpty();
    }
}

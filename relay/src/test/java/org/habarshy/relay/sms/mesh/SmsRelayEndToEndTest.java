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
import org.habarshy.core.message.CompactOutbox;
import org.habarshy.core.testing.Await;
import org.habarshy.core.testing.SmsCorpus;
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

    /** Parts of the SMS set a submitted SMS belongs to: 1 without a user data header, else the header's total. */
    private static int partsOf(TestSmsc.Submitted s) {
        return (s.esmClass() & 0x40) == 0 ? 1 : s.shortMessage()[4] & 0xFF;
    }

    private List<TestSmsc.Submitted> submittedFrom(String number, int skip) {
        List<TestSmsc.Submitted> from = smsc.submitted().stream().filter(s -> s.source().equals(digits(number)))
                .toList();
        return from.subList(skip, from.size());
    }

    /**
     * The whole KK/RU/EN corpus (30 messages of 160 characters per language) as compact messages: Alice's node
     * writes each as a compact carrier, relay 1 sends the bare compact message by SMPP, relay 2 wraps it again, Bob's
     * node opens it and shows it in the conversation with Alice, and Bob's compact delivery receipt comes back by
     * SMS. Segments are counted at the SMSC.
     */
    @Test
    void compactMessagesCrossBySmsInAtMostTwoSegmentsAndTheirReceiptsInOne() throws Exception {
        Properties p1 = relay("relay-1", NUMBER_1, "taraz", NUMBER_2);
        Properties p2 = relay("relay-2", NUMBER_2, "almaty", NUMBER_1);
        for (Properties p : List.of(p1, p2)) {
            p.setProperty("sms.budget.daily", "1000");
            p.setProperty("sms.budget.per-origin", "1000");
            p.setProperty("sms.send.per-tick", "50");
        }
        RelayDaemon relay1 = track(startRelay(p1));
        RelayDaemon relay2 = track(startRelay(p2));
        Await.until("both relays bound to the SMSC", LIMIT, () -> smsc.isBound("relay-1")
                && smsc.isBound("relay-2"));
        track(Node.start(alice, meshPeer(relay1.node().port())));
        track(Node.start(bob, meshPeer(relay2.node().port())));

        StringBuilder table = new StringBuilder();
        for (String language : SmsCorpus.LANGUAGES) {
            int messagesBefore = submittedFrom(NUMBER_1, 0).size();
            int receiptsBefore = submittedFrom(NUMBER_2, 0).size();
            List<String> texts = SmsCorpus.messages(language);
            List<EnvelopeId> ids = new ArrayList<>();
            for (String text : texts) {
                CompactOutbox.Queued queued = alice.sendCompact("bob", text);
                ids.add(queued.id());
            }
            Await.until("Bob shows every " + language + " message in the conversation with Alice", LIMIT,
                    () -> bob.messages(Optional.of("alice")).stream().map(Message::text).toList()
                            .containsAll(texts));
            Await.until("Alice sees every " + language + " message delivered", LIMIT, () -> {
                for (EnvelopeId id : ids) {
                    if (find(alice, id).map(Message::state).orElseThrow() != MessageState.DELIVERED) {
                        return false;
                    }
                }
                return true;
            });
            List<TestSmsc.Submitted> messageSms = submittedFrom(NUMBER_1, messagesBefore);
            List<TestSmsc.Submitted> receiptSms = submittedFrom(NUMBER_2, receiptsBefore);
            int maxParts = messageSms.stream().mapToInt(SmsRelayEndToEndTest::partsOf).max().orElseThrow();
            long twoPart = messageSms.stream().filter(s -> partsOf(s) == 2).count() / 2;
            table.append(String.format("%s: %d messages, %d SMS (%d in 1 segment, %d in 2), max %d per message;"
                    + " receipts: %d SMS, max %d per receipt%n", language, texts.size(), messageSms.size(),
                    texts.size() - twoPart, twoPart, maxParts, receiptSms.size(),
                    receiptSms.stream().mapToInt(SmsRelayEndToEndTest::partsOf).max().orElseThrow()));
            assertThat(messageSms).allSatisfy(s -> assertThat(s.dataCoding()).isEqualTo((byte) 0x04));
            assertThat(receiptSms).as("one single-segment compact receipt per message").hasSize(texts.size())
                    .allSatisfy(s -> assertThat(partsOf(s)).isEqualTo(1));
            if (!language.equals("en")) {
                assertThat(maxParts).as("a 160-character " + language + " text in at most 2 SMS").isLessThanOrEqualTo(2);
                assertThat(messageSms).hasSize((int) (texts.size() + twoPart));
            }
        }
        System.out.print("compact messages end to end through SMPP:\n" + table);
        assertThat(bob.messages(Optional.of("alice"))).allSatisfy(m -> {
            assertThat(m.direction()).isEqualTo(Direction.INCOMING);
            assertThat(m.peer()).isEqualTo(alice.card().identityKey());
        });
        assertThat(counter(relay2, "sms.mesh.compact-carried")).isEqualTo(90);
        assertThat(counter(relay1, "sms.mesh.compact-carried")).isEqualTo(90);
        assertThat(counter(relay1, "sms.forward.compact")).isEqualTo(90);
        assertThat(counter(relay2, "sms.forward.compact")).isEqualTo(90);
    }

    /**
     * The plain-SMS fallback through the daemon: Alice's request travels sealed to relay 1's SMS request key over the
     * mesh; relay 1 sends the text as an ordinary UCS-2 SMS to the editor's number, only because Alice is in
     * {@code sms.plain.allow}, and never forwards the request itself by SMS. Bob, not allowed, is refused.
     */
    @Test
    void aPlainSmsRequestIsSentInClearToTheNumberOnlyForAnAllowedUser() throws Exception {
        Properties p1 = relay("relay-1", NUMBER_1, "taraz", NUMBER_2);
        p1.setProperty("sms.plain.allow", java.util.HexFormat.of().formatHex(alice.card().identityKey().bytes()));
        RelayDaemon relay1 = track(startRelay(p1));
        Await.until("relay 1 bound to the SMSC", LIMIT, () -> smsc.isBound("relay-1"));
        String relayKey = java.nio.file.Files.readString(dir.resolve("relay-1").resolve("sms-request.pub")).strip();
        assertThat(relayKey).matches("[0-9a-f]{64}");
        alice.setSmsRelayKey(new org.habarshy.core.api.identity.AgreementKey(
                java.util.HexFormat.of().parseHex(relayKey)));
        bob.setSmsRelayKey(new org.habarshy.core.api.identity.AgreementKey(
                java.util.HexFormat.of().parseHex(relayKey)));
        track(Node.start(alice, meshPeer(relay1.node().port())));
        track(Node.start(bob, meshPeer(relay1.node().port())));

        java.security.SecureRandom random = new java.security.SecureRandom();
        long now = System.currentTimeMillis();
        byte[] malformed = new org.habarshy.core.crypto.EnvelopeSealer(
                org.habarshy.core.crypto.SigningKeyPair.generate(random),
                org.habarshy.core.crypto.AgreementKeyPair.generate(random), random)
                .seal(new org.habarshy.core.api.identity.AgreementKey(java.util.HexFormat.of().parseHex(relayKey)),
                        new byte[] {'H', 'B', 'S', 'R', 0x07, 0}, now, now + 3_600_000L);
        alice.carry(malformed); // a request of an unknown type: refused with a reason, and the next one is served
        String text = "Қайдасың? Интернет жоқ. Хабарласшы.";
        alice.sendUnencryptedSms("+77010000099", text);
        bob.sendUnencryptedSms("+77010000098", "from someone not allowed");
        Await.until("the plain SMS reached the SMSC", LIMIT,
                () -> smsc.submitted().stream().anyMatch(s -> s.destination().equals("77010000099")));
        Await.until("Bob's request refused", LIMIT, () -> counter(relay1, "sms.requests.refused-sender") == 1);
        TestSmsc.Submitted plain = smsc.submitted().stream().filter(s -> s.destination().equals("77010000099"))
                .findFirst().orElseThrow();
        assertThat(plain.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(new String(plain.shortMessage(), java.nio.charset.StandardCharsets.UTF_16BE)).isEqualTo(text);
        assertThat(counter(relay1, "sms.requests.plain-queued")).isEqualTo(1);
        assertThat(counter(relay1, "sms.requests.malformed")).isEqualTo(1);
        assertThat(logs.lines()).anyMatch(line -> line.contains("SMS request refused: unknown SMS relay request type 7"));
        Thread.sleep(1_000); // ten forwarding rounds
        assertThat(smsc.submitted()).as("only the plain SMS: the requests are not forwarded to the SMS peer")
                .singleElement().isEqualTo(plain);
        assertThat(alice.plainSmsHistory()).singleElement().satisfies(h -> {
            assertThat(h.number()).isEqualTo("+77010000099");
            assertThat(h.text()).isEqualTo(text);
        });
        assertThat(logs.lines()).noneMatch(line -> line.contains("77010000099") || line.contains(text));
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

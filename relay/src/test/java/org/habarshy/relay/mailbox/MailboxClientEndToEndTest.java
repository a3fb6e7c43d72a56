package org.habarshy.relay.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.mailbox.KnownRelay;
import org.habarshy.core.mailbox.MailboxAddress;
import org.habarshy.core.mailbox.MailboxClient;
import org.habarshy.core.mailbox.MailboxException;
import org.habarshy.core.mailbox.MailboxPickup;
import org.habarshy.core.mailbox.Registration;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.testing.Await;
import org.habarshy.relay.daemon.RelayDaemon;
import org.habarshy.relay.status.Counter;
import org.habarshy.relay.testing.LogCapture;
import org.habarshy.relay.testing.Relays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's mailbox client against a real relay: Bob adds relay R by its relay code, registers a mailbox there and
 * goes offline; Alice, who has Bob's mailbox code, sends to Bob through the mesh (her node links only to R) and a
 * copy is deposited; R holds it; Bob comes back, his node links to R and picks up by itself; he reads the message.
 * A deposit beyond the quota is refused by R, with a clear log line and counter. Real nodes, SQLite files and
 * loopback TCP; the pickup runs as 'habarshy run' runs it ({@link MailboxPickup}).
 */
class MailboxClientEndToEndTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private RelayDaemon relay;
    private Account alice;
    private Account bob;

    @BeforeEach
    void start() throws Exception {
        Properties p = Relays.loopback(dir.resolve("relay"));
        p.setProperty("mailbox.enabled", "true");
        p.setProperty("mailbox.quota.bytes", "4000");
        relay = track(RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of()));
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

    private NodeConfig toRelay() {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0,
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.node().port())), false);
    }

    private KnownRelay relayEntry() {
        return KnownRelay.of("taraz", relay.relayCode(), "127.0.0.1:" + relay.node().port());
    }

    private static List<String> incoming(Account account) throws Exception {
        return account.messages(Optional.empty()).stream().filter(m -> m.direction() == Direction.INCOMING)
                .map(Message::text).toList();
    }

    @Test
    void aMessageSentWhileBobIsAwayIsHeldAndPickedUpWhenHisNodeLinksToTheRelay() throws Exception {
        MailboxClient bobs = new MailboxClient(bob, CLOCK, random);
        bobs.addRelay(relayEntry());
        Registration registration = bobs.register("taraz", 1_000_000);
        assertThat(bobs.registrations()).containsExactly(registration);

        // Bob online once: his node sends the registration to R, then he leaves.
        try (Node bobNode = Node.start(bob, toRelay()); MailboxPickup ignored = MailboxPickup.start(bobs, bobNode)) {
            Await.until("the relay registered Bob's mailbox", LIMIT,
                    () -> relay.counters().get(Counter.MAILBOX_REGISTERED) >= 1);
        }
        int pickupsWhileOnline = (int) relay.counters().get(Counter.MAILBOX_DELIVERED);

        // Alice has Bob's mailbox code (he gave it to her); she sends while Bob is away.
        MailboxClient alices = new MailboxClient(alice, CLOCK, random);
        alices.setContactMailbox("bob", MailboxAddress.parse(registration.address().encode()));
        track(Node.start(alice, toRelay()));
        String text = "Сәлем, Бақыт! Пошта жәшігіңе қалдырдым. Привет, оставила в ящике.";
        EnvelopeId id = alice.send("bob", text);
        assertThat(alices.depositCopy("bob", id)).isTrue();
        Await.until("the relay holds the deposit", LIMIT, () -> relay.counters().get(Counter.MAILBOX_HELD) == 1);
        assertThat(relay.account().envelopeBytes(id)).as("the relay carries Alice's envelope too").isPresent();

        // Bob back: his node links to R, asks for his mailbox by itself, and R hands the message over.
        try (Node bobNode = Node.start(bob, toRelay()); MailboxPickup ignored = MailboxPickup.start(bobs, bobNode)) {
            Await.until("Bob read Alice's message", LIMIT, () -> incoming(bob).contains(text));
            Await.until("the relay handed the held copy over", LIMIT,
                    () -> relay.counters().get(Counter.MAILBOX_DELIVERED) == pickupsWhileOnline + 1);
        }
        assertThat(incoming(bob)).containsExactly(text);
        assertThat(pickupsWhileOnline).isZero();
    }

    @Test
    void depositsBeyondTheQuotaAreRefusedByTheRelayWithAClearLogLine() throws Exception {
        MailboxClient bobs = new MailboxClient(bob, CLOCK, random);
        bobs.addRelay(relayEntry());
        Registration registration = bobs.register("taraz", 3_000);
        MailboxClient alices = new MailboxClient(alice, CLOCK, random);
        alices.setContactMailbox("bob", registration.address());
        try (LogCapture log = LogCapture.start()) {
            try (Node bobNode = Node.start(bob, toRelay())) {
                Await.until("registered", LIMIT, () -> relay.counters().get(Counter.MAILBOX_REGISTERED) >= 1);
            }
            track(Node.start(alice, toRelay()));
            assertThat(alices.depositCopy("bob", alice.send("bob", "short one"))).isTrue();
            Await.until("the short one held", LIMIT, () -> relay.counters().get(Counter.MAILBOX_HELD) == 1);
            // Over 4,000 bytes of envelope: more than the 3,000 bytes Bob asked for.
            assertThat(alices.depositCopy("bob", alice.send("bob", "ж".repeat(2_000)))).isTrue();
            Await.until("the long one refused", LIMIT, () -> relay.counters().get(Counter.MAILBOX_OVER_QUOTA) == 1);
            assertThat(relay.counters().get(Counter.MAILBOX_HELD)).isEqualTo(1);
            assertThat(log.lines()).anyMatch(l -> l.contains("a mailbox deposit refused: the mailbox is over its "
                    + "quota"));
            String relayKey = relay.relayCode().mailboxKey().orElseThrow().hex();
            for (String line : log.lines()) {
                assertThat(line).doesNotContain(relayKey).doesNotContain(registration.address().id().hex())
                        .doesNotContain("127.0.0.1");
            }
        }
    }

    @Test
    void clientRequestsTheUserCanFixAreRefusedWithAClearMessage() throws Exception {
        MailboxClient bobs = new MailboxClient(bob, CLOCK, random);
        assertThatThrownBy(() -> bobs.register("taraz", 1_000)).isInstanceOf(MailboxException.class)
                .hasMessage("no relay named 'taraz' (add it with: habarshy relay add taraz --code CODE "
                        + "--address HOST:PORT)");
        bobs.addRelay(relayEntry());
        assertThatThrownBy(() -> bobs.register("taraz", 0)).isInstanceOf(MailboxException.class)
                .hasMessage("the quota must be 1 byte to 4 GiB");
        assertThatThrownBy(() -> bobs.register("taraz", 1L << 32)).isInstanceOf(MailboxException.class);
        assertThatThrownBy(() -> bobs.pickup("taraz")).isInstanceOf(MailboxException.class)
                .hasMessage("no mailbox registered at relay 'taraz' (habarshy mailbox register taraz)");
        bobs.addRelay(KnownRelay.of("plain", new org.habarshy.core.mailbox.RelayCode(relay.relayCode().linkKey(),
                Optional.empty()), "127.0.0.1:1"));
        assertThatThrownBy(() -> bobs.register("plain", 1_000)).isInstanceOf(MailboxException.class)
                .hasMessage("relay 'plain' keeps no mailboxes (its relay code has no mailbox key)");
        assertThat(bobs.relays()).extracting(KnownRelay::name).containsExactly("taraz", "plain");
        assertThat(new MailboxClient(alice, CLOCK, random).depositCopy("bob", alice.send("bob", "no mailbox")))
                .isFalse();
    }
}

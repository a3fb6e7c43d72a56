package org.habarshy.relay.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.TextContent;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.mailbox.MailboxFormat;
import org.habarshy.core.mailbox.MailboxId;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.testing.Await;
import org.habarshy.core.wire.ContentCodec;
import org.habarshy.relay.daemon.RelayDaemon;
import org.habarshy.relay.status.Counter;
import org.habarshy.relay.testing.Relays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bob registers a mailbox at a relay, goes offline; deposits for him arrive through Alice's node; the relay holds
 * them (within the quota) and hands them over when Bob's node is back and asks. Real nodes, SQLite and loopback TCP.
 */
class MailboxHandoverTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    private static NodeConfig meshPeer(int port) {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0,
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)), false);
    }

    private byte[] messageFor(Account recipient, String text) {
        long now = CLOCK.millis();
        EnvelopeSealer stranger = new EnvelopeSealer(SigningKeyPair.generate(random), AgreementKeyPair.generate(random),
                random);
        return stranger.seal(recipient.card().agreementKey(), new ContentCodec().encode(new TextContent(text, now)),
                now, now + Duration.ofDays(1).toMillis());
    }

    private static List<String> incoming(Account account) throws Exception {
        return account.messages(Optional.empty()).stream().filter(m -> m.direction() == Direction.INCOMING)
                .map(Message::text).toList();
    }

    @Test
    void depositsWaitForTheOfflineUserAndAreHandedOverWhenTheyConnectAndAsk() throws Exception {
        Properties p = Relays.loopback(dir.resolve("relay"));
        p.setProperty("mailbox.enabled", "true");
        p.setProperty("mailbox.quota.bytes", "2000");
        SigningKeyPair bobsMailboxKey = SigningKeyPair.generate(random);
        MailboxId bobsMailbox = MailboxFormat.idOf(bobsMailboxKey.publicKey());
        try (RelayDaemon relay = RelayDaemon.start(Relays.config(p, dir), CLOCK, List.of());
             Account alice = Account.create(dir.resolve("alice"), "Alice", CLOCK);
             Account bob = Account.create(dir.resolve("bob"), "Bob", CLOCK);
             Node aliceNode = Node.start(alice, meshPeer(relay.node().port()))) {
            AgreementKey relayKey = relay.mailboxKey().orElseThrow();
            assertThat(relay.status().mailboxKey()).isEqualTo(relayKey.hex());
            long now = CLOCK.millis();

            // Bob, online once: registers his mailbox, then leaves.
            try (Node bobNode = Node.start(bob, meshPeer(relay.node().port()))) {
                bob.carry(MailboxFormat.register(bobsMailboxKey, relayKey, 1_000_000, now,
                        now + Duration.ofDays(7).toMillis(), random));
                Await.until("registration reached the relay", LIMIT,
                        () -> relay.counters().get(Counter.MAILBOX_REGISTERED) == 1);
            }

            // While Bob is away: two deposits for him, one too big for his quota, one for an unknown mailbox.
            long expires = now + Duration.ofDays(1).toMillis();
            alice.carry(MailboxFormat.deposit(bobsMailbox, messageFor(bob, "Сәлем, Бақыт! Пошта жәшігі."), relayKey,
                    now, expires, random));
            alice.carry(MailboxFormat.deposit(bobsMailbox, messageFor(bob, "Второе сообщение"), relayKey, now,
                    expires, random));
            alice.carry(MailboxFormat.deposit(bobsMailbox, messageFor(bob, "ж".repeat(1_500)), relayKey, now,
                    expires, random));
            alice.carry(MailboxFormat.deposit(MailboxFormat.idOf(SigningKeyPair.generate(random).publicKey()),
                    messageFor(bob, "nobody's mailbox"), relayKey, now, expires, random));
            Await.until("deposits judged", LIMIT, () -> relay.counters().get(Counter.MAILBOX_HELD) == 2
                    && relay.counters().get(Counter.MAILBOX_OVER_QUOTA) == 1
                    && relay.counters().get(Counter.MAILBOX_UNREGISTERED) == 1);

            try (Node bobNode = Node.start(bob, meshPeer(relay.node().port()))) {
                // Bob's node syncs everything the relay carries, deposits included, but cannot open them.
                Await.until("Bob's node synced the deposits", LIMIT, () -> bob.carriedAfter(0, 100).size() >= 5);
                assertThat(incoming(bob)).isEmpty();

                bob.carry(MailboxFormat.pickup(bobsMailboxKey, relayKey, CLOCK.millis(),
                        CLOCK.millis() + Duration.ofMinutes(10).toMillis(), random));
                Await.until("held messages handed over to Bob", LIMIT, () -> incoming(bob).size() == 2);
            }
            assertThat(incoming(bob)).containsExactlyInAnyOrder("Сәлем, Бақыт! Пошта жәшігі.", "Второе сообщение");
            assertThat(relay.counters().get(Counter.MAILBOX_DELIVERED)).isEqualTo(2);
        }
    }
}

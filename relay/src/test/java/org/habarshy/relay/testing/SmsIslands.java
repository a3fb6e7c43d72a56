package org.habarshy.relay.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.message.CompactOutbox;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.testing.Await;
import org.habarshy.relay.daemon.RelayDaemon;
import org.habarshy.relay.sms.mesh.SmsBridgeFactory;

/**
 * Two islands joined only by SMS: Alice's node linked to relay 1, Bob's node linked to relay 2, both relays real
 * daemons started from configuration properties with the SMS bridge, whatever gateway the properties name.
 */
public final class SmsIslands implements AutoCloseable {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Account alice;
    private final Account bob;
    private final RelayDaemon relay1;
    private final RelayDaemon relay2;

    private SmsIslands(Path dir, Properties relay1Properties, Properties relay2Properties) throws Exception {
        Clock clock = Clock.systemUTC();
        try {
            alice = track(Account.create(dir.resolve("alice"), "Alice", clock));
            bob = track(Account.create(dir.resolve("bob"), "Bob", clock));
            alice.addContact(bob.contactCode(), "bob");
            bob.addContact(alice.contactCode(), "alice");
            relay1 = track(RelayDaemon.start(Relays.config(relay1Properties, dir), clock,
                    List.of(new SmsBridgeFactory())));
            relay2 = track(RelayDaemon.start(Relays.config(relay2Properties, dir), clock,
                    List.of(new SmsBridgeFactory())));
            track(Node.start(alice, meshPeer(relay1.node().port())));
            track(Node.start(bob, meshPeer(relay2.node().port())));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Starts both relays from their properties, then Alice's and Bob's nodes. */
    public static SmsIslands start(Path dir, Properties relay1, Properties relay2) throws Exception {
        return new SmsIslands(dir, relay1, relay2);
    }

    private <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private static NodeConfig meshPeer(int port) {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0,
                List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)), false);
    }

    /**
     * Alice sends {@code text} to Bob as a compact message; waits until Bob's conversation with Alice shows it and
     * Alice's copy is delivered (Bob's compact receipt came back).
     */
    public void compactMessageAndReceiptCross(String text) throws Exception {
        CompactOutbox.Queued queued = alice.sendCompact("bob", text);
        Await.until("Bob shows the message from Alice", LIMIT,
                () -> bob.messages(Optional.of("alice")).stream().anyMatch(m -> m.text().equals(text)));
        Await.until("Alice sees it delivered", LIMIT, () -> alice.messages(Optional.of("bob")).stream()
                .filter(m -> m.id().equals(queued.id())).map(Message::state).findFirst().orElseThrow()
                == MessageState.DELIVERED);
    }

    /** Returns relay 1's status counter {@code key}, -1 if absent. */
    public long relay1Counter(String key) throws Exception {
        return relay1.status().counters().getOrDefault(key, -1L);
    }

    /** Returns relay 2's status counter {@code key}, -1 if absent. */
    public long relay2Counter(String key) throws Exception {
        return relay2.status().counters().getOrDefault(key, -1L);
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}

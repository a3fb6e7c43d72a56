package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.routing.CarryLimits;
import org.habarshy.core.routing.Rejection;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer that floods: two real nodes on loopback TCP with real SQLite files. Mallory holds hundreds of envelopes
 * for a third person and links to Alice, whose node limits each link to a few envelopes per second and carries
 * little. Alice's own message still reaches Mallory, Alice's node is paced and refuses past its quota, and her
 * store never holds more than the quota.
 */
class FloodControlLoopbackTest {
    private static final int FLOOD = 240;
    private static final long RATE = 40;
    private static final long QUOTA = 60_000;
    private static final long ORIGIN_QUOTA = 30_000;

    @TempDir
    Path aliceDir;
    @TempDir
    Path malloryDir;
    @TempDir
    Path carolDir;

    private static NodeConfig loopback() {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
    }

    private static long carriedBytes(Account account) throws Exception {
        Map<String, Long> usage = Account.call(account.storeExecutor(),
                () -> account.database().read(t -> account.envelopes().carriedBytesByOrigin(t)));
        return usage.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aFloodingPeerIsPacedAndCappedWhileOwnMessagesGetThrough() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account mallory = Account.create(malloryDir, "Mallory", clock);
             Account carol = Account.create(carolDir, "Carol", clock)) {
            alice.addContact(mallory.contactCode(), "mallory");
            mallory.addContact(alice.contactCode(), "alice");
            mallory.addContact(carol.contactCode(), "carol");
            String filler = "x".repeat(500);
            for (int i = 0; i < FLOOD; i++) {
                mallory.send("carol", filler + i);
            }
            EnvelopeId own = alice.send("mallory", "still getting through");
            CarryLimits tight = new CarryLimits(QUOTA, ORIGIN_QUOTA, RATE, 1_000_000);
            try (Node aliceNode = Node.start(alice, loopback().withCarry(tight));
                 Node malloryNode = Node.start(mallory, loopback())) {
                long start = System.nanoTime();
                aliceNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), malloryNode.port()));

                Await.until("Mallory holds Alice's message", Duration.ofSeconds(30), () -> mallory
                        .messages(Optional.of("alice")).stream()
                        .anyMatch(m -> m.id().equals(own) && m.direction() == Direction.INCOMING));
                Await.until("Alice refused past the per-origin quota", Duration.ofSeconds(60), () -> {
                    assertThat(carriedBytes(alice)).isLessThanOrEqualTo(QUOTA);
                    CarryStatus c = aliceNode.currentStatus().carry();
                    long handled = c.rejected().get(Rejection.ORIGIN_QUOTA.label())
                            + aliceNode.currentStatus().envelopes().carried();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    // An upper bound only: a slow machine handles fewer, never more. Burst + rate x time + slack.
                    assertThat((double) handled).isLessThanOrEqualTo(RATE + RATE * seconds + RATE);
                    return c.rejected().get(Rejection.ORIGIN_QUOTA.label()) > 0;
                });
                NodeStatus status = aliceNode.currentStatus();
                assertThat(status.carry().throttled()).isPositive();
                assertThat(status.carry().quotaBytes()).isEqualTo(QUOTA);
                assertThat(carriedBytes(alice)).isLessThanOrEqualTo(ORIGIN_QUOTA);
                assertThat(status.carry().usedBytes()).isEqualTo(carriedBytes(alice));
            }
        }
    }
}

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
    /** Large envelopes, so that one socket read holds few of them (see {@link #ONE_READ_BYTES}). */
    private static final int FILLER_CHARS = 4_000;
    private static final long QUOTA = 480_000;
    private static final long ORIGIN_QUOTA = 240_000;
    /**
     * The most one socket read takes in (Netty's AdaptiveRecvByteBufAllocator.DEFAULT_MAXIMUM). The limiter passes
     * on every record already read: when an envelope puts the link into debt, the rest of that read is still
     * handled, and the debt is paid before the next read. So a link handles at most burst + rate x time + the
     * envelopes of one read (plus one frame the decoder held from the read before), however loaded the machine.
     */
    private static final long ONE_READ_BYTES = 65_536;

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

    /** Letters that no layer can compress much, so an envelope is at least {@code length} bytes. */
    private static String incompressible(int length) {
        java.util.Random random = new java.util.Random(7);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
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
            String filler = incompressible(FILLER_CHARS);
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
                    long carried = aliceNode.currentStatus().envelopes().carried();
                    long handled = c.rejected().get(Rejection.ORIGIN_QUOTA.label()) + carried;
                    double seconds = (System.nanoTime() - start) / 1e9;
                    // Each envelope is at least this big on the wire (all are the same size within a few bytes).
                    long envelopeBytes = carried > 0 ? carriedBytes(alice) / carried : FILLER_CHARS;
                    long oneRead = ONE_READ_BYTES / envelopeBytes + 2;
                    // An upper bound only: a slow machine handles fewer, never more.
                    assertThat((double) handled).as("handled in %.2f s, envelopes of %d bytes", seconds,
                            envelopeBytes).isLessThanOrEqualTo(RATE + RATE * seconds + oneRead);
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

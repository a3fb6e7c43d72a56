package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.testing.Await;
import org.habarshy.core.testing.FreezableTcpRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nodes linked through a TCP relay that goes silent without closing anything: both ends notice
 * the dead link by the keep-alive (a 2 s timeout here) and drop it; when the relay thaws, the dialling side
 * links again.
 */
class DeadLinkTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path aDir;
    @TempDir
    Path bDir;

    private static NodeConfig config() {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false, TIMEOUT);
    }

    @Test
    void aSilentlyDeadLinkIsDroppedWithinTheTimeoutAndRedialled() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account a = Account.create(aDir, "A", clock); Account b = Account.create(bDir, "B", clock);
             Node nodeA = Node.start(a, config()); Node nodeB = Node.start(b, config());
             FreezableTcpRelay relay = new FreezableTcpRelay(
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), nodeA.port()))) {
            nodeB.addPeer(relay.address());
            Await.until("linked", Duration.ofSeconds(20), () -> nodeA.linkCount() == 1 && nodeB.linkCount() == 1);
            // Idle but alive: pings keep the link up well past the timeout.
            Thread.sleep(TIMEOUT.multipliedBy(2).toMillis());
            assertThat(nodeA.linkCount()).isOne();
            assertThat(nodeB.linkCount()).isOne();

            relay.freeze(true);
            long frozenAt = System.nanoTime();
            Await.until("both ends drop the dead link", Duration.ofSeconds(20),
                    () -> nodeA.linkCount() == 0 && nodeB.linkCount() == 0);
            Duration noticed = Duration.ofNanos(System.nanoTime() - frozenAt);
            assertThat(noticed).isGreaterThanOrEqualTo(TIMEOUT.dividedBy(2));

            relay.freeze(false);
            Await.until("redialled", Duration.ofSeconds(30), () -> nodeA.linkCount() == 1 && nodeB.linkCount() == 1);
        }
    }
}

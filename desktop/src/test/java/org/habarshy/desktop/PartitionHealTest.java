package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.HabarshyProcesses.assertMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.testing.NetworkNamespaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four 'habarshy run' processes in a line of network namespaces, A - B - C - D, each found by mDNS only. The
 * middle link B-C is down from the start: the mesh is two halves that have never met. Alice (A) and Dana (D) are
 * contacts and write to each other; Bob (B) and Chingiz (C) are strangers who carry. Each message waits at the edge
 * of its half; when B-C comes up, B and C discover each other, link, and swap what they hold, so both messages
 * and both receipts cross three hops, each message once.
 *
 * <p>Namespaces hold only these links (IPv4 link-local, a /24 per link, and IPv6 link-local), so no packet can
 * reach another network. Needs root and iproute2; skipped otherwise. Timings are printed, not asserted.
 */
class PartitionHealTest {
    /** mDNS looks for new interfaces and re-queries every 30 s, so a healed link is found well within this. */
    private static final Duration DISCOVERY_LIMIT = Duration.ofSeconds(120);
    private static final String TO_DANA = "Дана, сәлем! Желі бөлінген кезде жазылды. Written while split.";
    private static final String TO_ALICE = "Әлия, сәлем! Мен де. Я тоже писала, пока сети не было.";

    @TempDir
    Path tmp;

    private NetworkNamespaces network;
    private HabarshyProcesses habarshy;

    @BeforeEach
    void setUp() throws Exception {
        Optional<String> unavailable = NetworkNamespaces.unavailable();
        assumeTrue(unavailable.isEmpty(), () -> unavailable.orElseThrow());
        network = new NetworkNamespaces("hb-heal");
        habarshy = new HabarshyProcesses(tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (habarshy != null) {
                habarshy.close();
            }
        } finally {
            if (network != null) {
                network.close();
            }
        }
    }

    @Test
    void twoHalvesThatNeverMetExchangeMessagesOnceTheLinkBetweenThemComesUp() throws Exception {
        long eth0Before = NetworkNamespaces.hostTxPackets("eth0");
        Path[] friends = habarshy.befriend("alice", "dana");
        Path alice = friends[0];
        Path dana = friends[1];
        Path bob = habarshy.init("bob");
        Path chingiz = habarshy.init("chingiz");

        String nsA = network.add("a");
        String nsB = network.add("b");
        String nsC = network.add("c");
        String nsD = network.add("d");
        network.link(nsA, "hb-ab", "169.254.41.1/24", nsB, "hb-ba", "169.254.41.2/24");
        network.link(nsB, "hb-bc", "169.254.42.1/24", nsC, "hb-cb", "169.254.42.2/24");
        network.link(nsC, "hb-cd", "169.254.43.1/24", nsD, "hb-dc", "169.254.43.2/24");
        network.setUp(nsA, "hb-ab", true);
        network.setUp(nsB, "hb-ba", true);
        network.setUp(nsC, "hb-cd", true);
        network.setUp(nsD, "hb-dc", true);

        List<HabarshyProcess> nodes = List.of(
                habarshy.startNodeIn(nsA, "node-alice", alice, 7481),
                habarshy.startNodeIn(nsB, "node-bob", bob, 7482),
                habarshy.startNodeIn(nsC, "node-chingiz", chingiz, 7483),
                habarshy.startNodeIn(nsD, "node-dana", dana, 7484));
        for (HabarshyProcess node : nodes) {
            habarshy.await(node.name() + " linked within its half", DISCOVERY_LIMIT,
                    () -> node.stderr().contains("(1 links)"));
        }

        String toDana = habarshy.send(alice, "dana", TO_DANA);
        String toAlice = habarshy.send(dana, "alice", TO_ALICE);
        habarshy.awaitStatus(bob, "envelopesCarried", 1, HabarshyProcesses.DELIVERY_LIMIT);
        habarshy.awaitStatus(chingiz, "envelopesCarried", 1, HabarshyProcesses.DELIVERY_LIMIT);
        assertThat(StoreProbe.envelopeIds(bob)).as("Bob holds Alice's message").containsExactly(toDana);
        assertThat(StoreProbe.envelopeIds(chingiz)).as("Chingiz holds Dana's message").containsExactly(toAlice);
        assertThat(habarshy.message(dana, toDana)).as("not across the split").isEmpty();
        assertThat(habarshy.message(alice, toAlice)).as("not across the split").isEmpty();

        network.setUp(nsB, "hb-bc", true);
        network.setUp(nsC, "hb-cb", true);
        long healedAt = System.currentTimeMillis();
        assertMessage(habarshy.awaitMessageState(dana, toDana, "delivered"), toDana, "alice", "me", TO_DANA,
                "delivered");
        assertMessage(habarshy.awaitMessageState(alice, toAlice, "delivered"), toAlice, "dana", "me", TO_ALICE,
                "delivered");
        assertMessage(habarshy.awaitMessageState(alice, toDana, "delivered"), toDana, "me", "dana", TO_DANA,
                "delivered");
        assertMessage(habarshy.awaitMessageState(dana, toAlice, "delivered"), toAlice, "me", "alice", TO_ALICE,
                "delivered");
        System.out.printf("PartitionHealTest: after B-C came up, Dana stored Alice's message in %d ms, Alice stored "
                        + "Dana's in %d ms; the last receipts were stored %d ms (Alice) and %d ms (Dana) after%n",
                StoreProbe.messageStoredAt(dana, toDana) - healedAt,
                StoreProbe.messageStoredAt(alice, toAlice) - healedAt,
                StoreProbe.lastReceivedAt(alice) - healedAt, StoreProbe.lastReceivedAt(dana) - healedAt);

        assertThat(habarshy.messages(alice)).extracting(m -> m.get("id").getAsString()).as("each once")
                .containsExactlyInAnyOrder(toDana, toAlice);
        assertThat(habarshy.messages(dana)).extracting(m -> m.get("id").getAsString()).as("each once")
                .containsExactlyInAnyOrder(toDana, toAlice);
        for (Path carrier : List.of(bob, chingiz)) {
            assertThat(habarshy.messages(carrier)).as("a carrier reads nothing").isEmpty();
            // Both messages and both receipts.
            JsonObject status = habarshy.awaitStatus(carrier, "envelopesCarried", 4, HabarshyProcesses.DELIVERY_LIMIT);
            assertThat(status.get("envelopesHeld").getAsLong()).as("%s", status).isEqualTo(4);
        }
        assertThat(habarshy.status(bob).getAsJsonArray("links")).as("Bob links to Alice and Chingiz").hasSize(2);
        assertThat(habarshy.status(alice).getAsJsonArray("links")).as("Alice links to Bob only").hasSize(1);

        for (HabarshyProcess node : nodes) {
            node.signal("TERM");
        }
        for (HabarshyProcess node : nodes) {
            assertThat(node.awaitExit(HabarshyProcess.EXIT_LIMIT)).as(node.tail()).isZero();
            HabarshyProcesses.assertNoPeerAddresses(node);
        }
        long eth0After = NetworkNamespaces.hostTxPackets("eth0");
        System.out.println("PartitionHealTest: eth0 tx_packets before=" + eth0Before + " after=" + eth0After
                + " delta=" + (eth0After - eth0Before) + " (other traffic of the machine counts too)");
    }
}

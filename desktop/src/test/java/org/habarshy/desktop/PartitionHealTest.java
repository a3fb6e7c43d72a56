package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.HabarshyProcesses.assertMessage;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.habarshy.core.testing.NetworkNamespaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @RegisterExtension
    final ProcessTestBed bed = ProcessTestBed.inNamespaces("hb-heal");

    @Test
    void twoHalvesThatNeverMetExchangeMessagesOnceTheLinkBetweenThemComesUp(HabarshyProcesses habarshy,
            NetworkNamespaces network) throws Exception {
        long eth0Before = NetworkNamespaces.hostTxPackets("eth0");
        Path[] friends = habarshy.befriend("alice", "dana");
        Path alice = friends[0];
        Path dana = friends[1];
        Path bob = habarshy.init("bob");
        Path chingiz = habarshy.init("chingiz");

        List<String> line = bed.line(41, "a", "b", "c", "d");
        String nsA = line.get(0);
        String nsB = line.get(1);
        String nsC = line.get(2);
        String nsD = line.get(3);
        // The halves have never met: B-C is down before any node starts.
        network.setUp(nsB, "hb-bc", false);
        network.setUp(nsC, "hb-cb", false);

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

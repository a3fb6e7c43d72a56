package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.HabarshyProcesses.assertMessage;
import static org.habarshy.desktop.HabarshyProcesses.assertNoPeerAddresses;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.testing.NetworkNamespaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three 'habarshy run' processes, each in a network namespace of its own: A (Alice) and B (Bob) share one veth
 * link, B and C (Carol) another; A and C share none. Nodes find each other by mDNS alone (no --peer, no --bind:
 * every interface of their namespace). Alice and Carol are contacts; Bob is a stranger to both who only carries
 * sealed envelopes. A message from Alice reaches Carol through Bob and its receipt comes back the same way; while
 * B-C is cut, Bob holds three more messages, and after the link is restored they reach Carol once each.
 *
 * <p>The namespaces hold nothing but these links (IPv4 link-local addresses, a /24 per link so that B can route
 * both, and IPv6 link-local), so no packet can reach another network; eth0's sent-packet count is printed for the
 * record. Needs root and iproute2; skipped otherwise. Timings are printed, not asserted.
 */
class ThreeHopMeshTest {
    /** Bob's side of the B-C link (see {@link ProcessTestBed#line}). */
    private static final String LINK_BC = "hb-bc";
    private static final int PORT_A = 7471;
    private static final int PORT_B = 7472;
    private static final int PORT_C = 7473;
    /** mDNS re-queries come every 30 s, so a missed first announcement is still answered well within this. */
    private static final Duration DISCOVERY_LIMIT = Duration.ofSeconds(120);
    private static final String FIRST = "Сәлем, Карина! Бұл хабар Бобтың түйіні арқылы келді. Привет через Боба.";

    @RegisterExtension
    final ProcessTestBed bed = ProcessTestBed.inNamespaces("hb-3hop");

    @Test
    void messagesCrossAStrangerBetweenTwoNetworksAndSurviveACutLink(HabarshyProcesses habarshy,
            NetworkNamespaces network) throws Exception {
        long eth0Before = NetworkNamespaces.hostTxPackets("eth0");
        Path[] friends = habarshy.befriend("alice", "carol");
        Path alice = friends[0];
        Path carol = friends[1];
        Path bob = habarshy.init("bob");

        List<String> line = bed.line(31, "a", "b", "c");
        String nsA = line.get(0);
        String nsB = line.get(1);
        String nsC = line.get(2);

        HabarshyProcess nodeB = habarshy.startNodeIn(nsB, "node-bob", bob, PORT_B);
        HabarshyProcess nodeA = habarshy.startNodeIn(nsA, "node-alice", alice, PORT_A);
        HabarshyProcess nodeC = habarshy.startNodeIn(nsC, "node-carol", carol, PORT_C);
        habarshy.await("Bob linked to both neighbours, found by mDNS", DISCOVERY_LIMIT,
                () -> nodeB.stderr().contains("(2 links)"));
        habarshy.await("every node to have found a neighbour by mDNS (no --peer was given)", DISCOVERY_LIMIT,
                () -> List.of(nodeA, nodeB, nodeC).stream().allMatch(n -> n.stderr().contains("found a peer by mDNS")));

        // One message over two hops; the receipt comes back over the same two.
        String first = habarshy.send(alice, "carol", FIRST);
        assertMessage(habarshy.awaitMessageState(carol, first, "delivered"), first, "alice", "me", FIRST,
                "delivered");
        assertMessage(habarshy.awaitMessageState(alice, first, "delivered"), first, "me", "carol", FIRST,
                "delivered");
        long queuedAt = StoreProbe.messageStoredAt(alice, first);
        System.out.printf("ThreeHopMeshTest: after 'send' committed, the message was stored by Bob in %d ms and by "
                        + "Carol in %d ms; the receipt was stored by Alice %d ms after the send%n",
                StoreProbe.envelopeReceivedAt(bob, first) - queuedAt,
                StoreProbe.messageStoredAt(carol, first) - queuedAt, StoreProbe.lastReceivedAt(alice) - queuedAt);
        assertThat(habarshy.status(alice).getAsJsonArray("links")).as("Alice links to Bob only").hasSize(1);
        assertThat(habarshy.status(carol).getAsJsonArray("links")).as("Carol links to Bob only").hasSize(1);
        // Bob carries the message and its receipt; he can open neither.
        habarshy.awaitStatus(bob, "envelopesCarried", 2, HabarshyProcesses.DELIVERY_LIMIT);

        // Cut B-C on Bob's side; Bob collects three more messages for Carol.
        network.setUp(nsB, LINK_BC, false);
        List<String> later = List.of("Бірінші: 1 of 3", "Екінші: 2 of 3", "Үшінші: 3 of 3");
        List<String> laterIds = new ArrayList<>();
        for (String text : later) {
            laterIds.add(habarshy.send(alice, "carol", text));
        }
        habarshy.awaitStatus(bob, "envelopesCarried", 5, HabarshyProcesses.DELIVERY_LIMIT);
        // Keep the link cut until Bob's periodic interface check (every 30 s) has seen it go: a partition long
        // enough for discovery to lose the peer, not just a blip that TCP hides.
        habarshy.await("Bob's mDNS to notice the cut link", DISCOVERY_LIMIT,
                () -> nodeB.stderr().contains("gone, stopping mDNS there"));
        assertThat(habarshy.messages(carol)).as("nothing reaches Carol while B-C is cut").hasSize(1);

        network.setUp(nsB, LINK_BC, true);
        long restoredAt = System.currentTimeMillis();
        for (int i = 0; i < later.size(); i++) {
            habarshy.awaitMessageState(carol, laterIds.get(i), "delivered");
            habarshy.awaitMessageState(alice, laterIds.get(i), "delivered");
        }
        long reachedCarol = 0;
        for (String id : laterIds) {
            reachedCarol = Math.max(reachedCarol, StoreProbe.messageStoredAt(carol, id));
        }
        System.out.printf("ThreeHopMeshTest: after B-C was restored, the last of the 3 messages was stored by Carol "
                + "in %d ms and the last receipt by Alice in %d ms%n", reachedCarol - restoredAt,
                StoreProbe.lastReceivedAt(alice) - restoredAt);

        List<JsonObject> atCarol = habarshy.messages(carol);
        assertThat(atCarol).extracting(m -> m.get("id").getAsString()).as("each message once, none lost")
                .containsExactlyInAnyOrder(first, laterIds.get(0), laterIds.get(1), laterIds.get(2));
        for (int i = 0; i < later.size(); i++) {
            String id = laterIds.get(i);
            JsonObject received = atCarol.stream().filter(m -> m.get("id").getAsString().equals(id)).findFirst()
                    .orElseThrow();
            assertMessage(received, id, "alice", "me", later.get(i), "delivered");
            assertMessage(habarshy.awaitMessageState(alice, id, "delivered"), id, "me", "carol", later.get(i),
                    "delivered");
        }
        assertThat(habarshy.messages(alice)).hasSize(4);

        assertThat(habarshy.messages(bob)).as("Bob carried sealed envelopes only").isEmpty();
        // Four messages and four receipts, all for others.
        JsonObject bobStatus = habarshy.awaitStatus(bob, "envelopesCarried", 8, HabarshyProcesses.DELIVERY_LIMIT);
        assertThat(bobStatus.get("envelopesHeld").getAsLong()).as("%s", bobStatus).isEqualTo(8);
        assertThat(bobStatus.get("rejected").getAsLong()).as("%s", bobStatus).isZero();

        for (HabarshyProcess node : List.of(nodeA, nodeB, nodeC)) {
            node.signal("TERM");
        }
        for (HabarshyProcess node : List.of(nodeA, nodeB, nodeC)) {
            assertThat(node.awaitExit(HabarshyProcess.EXIT_LIMIT)).as(node.tail()).isZero();
            assertNoPeerAddresses(node);
        }
        long eth0After = NetworkNamespaces.hostTxPackets("eth0");
        System.out.println("ThreeHopMeshTest: eth0 tx_packets before=" + eth0Before + " after=" + eth0After
                + " delta=" + (eth0After - eth0Before) + " (other traffic of the machine counts too)");
    }
}

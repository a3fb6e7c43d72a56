package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.HabarshyProcesses.assertMessage;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two 'habarshy run' nodes on 127.0.0.1 linked by --peer (no mDNS), with 'send' and 'messages' run as separate
 * processes against the nodes' data directories, the way a user would.
 */
class TwoNodesTest {
    private static final String KAZAKH_RUSSIAN = "Сәлем! Қалайсың? Привет";

    @RegisterExtension
    final ProcessTestBed bed = ProcessTestBed.processes();

    private Path alice;
    private Path bob;
    private int alicePort;
    private int bobPort;

    @BeforeEach
    void setUp(HabarshyProcesses habarshy) throws Exception {
        Path[] users = habarshy.befriend("alice", "bob");
        alice = users[0];
        bob = users[1];
        alicePort = HabarshyProcesses.freePort();
        bobPort = HabarshyProcesses.freePort();
    }

    private HabarshyProcess startBob() throws Exception {
        return bed.habarshy().startNode("node-bob", bob, bobPort, "--no-mdns");
    }

    private HabarshyProcess startAlice(String name) throws Exception {
        return bed.habarshy().startNode(name, alice, alicePort, "--no-mdns", "--peer", "127.0.0.1:" + bobPort);
    }

    @Test
    void messagesSentByACommandReachTheOtherRunningNodeInBothDirections(HabarshyProcesses habarshy) throws Exception {
        startBob();
        startAlice("node-alice");

        String toBob = habarshy.send(alice, "bob", KAZAKH_RUSSIAN);
        JsonObject received = habarshy.awaitMessageState(bob, toBob, "delivered");
        assertMessage(received, toBob, "alice", "me", KAZAKH_RUSSIAN, "delivered");
        JsonObject sent = habarshy.awaitMessageState(alice, toBob, "delivered");
        assertMessage(sent, toBob, "me", "bob", KAZAKH_RUSSIAN, "delivered");
        assertThat(sent.get("time").getAsString()).isEqualTo(received.get("time").getAsString());
        assertThat(sent.get("carried_by").getAsInt()).as("bob's link session took a copy").isPositive();
        assertThat(received.has("carried_by")).as("only outgoing messages count carriers").isFalse();

        String reply = "Жақсы, рахмет! Всё хорошо";
        String toAlice = habarshy.send(bob, "alice", reply);
        assertMessage(habarshy.awaitMessageState(alice, toAlice, "delivered"), toAlice, "bob", "me", reply,
                "delivered");
        assertMessage(habarshy.awaitMessageState(bob, toAlice, "delivered"), toAlice, "me", "alice", reply,
                "delivered");

        assertThat(habarshy.messages(bob)).extracting(m -> m.get("id").getAsString())
                .as("each message once, oldest first").containsExactly(toBob, toAlice);
        assertThat(habarshy.messages(alice)).extracting(m -> m.get("id").getAsString())
                .containsExactly(toBob, toAlice);

        // Bob reads the conversation in another process; his running node carries the read receipt to Alice.
        habarshy.ok("messages", "--with", "alice", "--data", bob.toString());
        assertThat(habarshy.message(bob, toBob).orElseThrow().get("state").getAsString()).isEqualTo("read");
        assertMessage(habarshy.awaitMessageState(alice, toBob, "read"), toBob, "me", "bob", KAZAKH_RUSSIAN, "read");
    }

    @Test
    void messageSentWhileNoNodeRunsIsDeliveredOnceBothStart(HabarshyProcesses habarshy) throws Exception {
        String id = habarshy.send(alice, "bob", KAZAKH_RUSSIAN);
        assertThat(habarshy.message(alice, id).orElseThrow().get("state").getAsString()).isEqualTo("queued");

        startBob();
        startAlice("node-alice");

        assertMessage(habarshy.awaitMessageState(bob, id, "delivered"), id, "alice", "me", KAZAKH_RUSSIAN,
                "delivered");
        assertMessage(habarshy.awaitMessageState(alice, id, "delivered"), id, "me", "bob", KAZAKH_RUSSIAN,
                "delivered");
    }

    /**
     * SIGKILL of alice's node right after 'send' returned: the queued message is durable and goes out after a
     * restart. With bob offline it is certainly still queued at the kill; with bob online the kill may land in
     * the middle of a sync.
     */
    @ParameterizedTest(name = "bob running during the kill: {0}")
    @ValueSource(booleans = {false, true})
    void messageQueuedJustBeforeKillNineSurvivesAndIsDelivered(boolean bobRunning,
            HabarshyProcesses habarshy) throws Exception {
        if (bobRunning) {
            startBob();
        }
        HabarshyProcess first = startAlice("node-alice-1");
        if (bobRunning) {
            first.awaitOutput("link ", HabarshyProcesses.COMMAND_LIMIT);
        }

        String id = habarshy.send(alice, "bob", KAZAKH_RUSSIAN);
        first.kill();

        JsonObject afterKill = habarshy.message(alice, id)
                .orElseThrow(() -> new AssertionError("message " + id + " lost by kill -9\n"
                        + habarshy.diagnostics()));
        assertThat(afterKill.get("state").getAsString()).isIn("queued", "sent-to-peer", "delivered");
        assertThat(afterKill.get("text").getAsString()).isEqualTo(KAZAKH_RUSSIAN);

        startAlice("node-alice-2");
        if (!bobRunning) {
            startBob();
        }
        assertMessage(habarshy.awaitMessageState(bob, id, "delivered"), id, "alice", "me", KAZAKH_RUSSIAN,
                "delivered");
        assertMessage(habarshy.awaitMessageState(alice, id, "delivered"), id, "me", "bob", KAZAKH_RUSSIAN,
                "delivered");
        assertThat(habarshy.messages(bob)).as("delivered once").hasSize(1);
        assertThat(habarshy.messages(alice)).hasSize(1);
    }
}

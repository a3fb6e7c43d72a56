package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.habarshy.core.node.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A carrier killed with SIGKILL in the middle of a large sync loses nothing and repeats nothing: Alice's node holds
 * {@value #MESSAGES} large sealed messages for Carol, who never runs; Bob, a stranger, links to Alice over
 * loopback (--peer, no mDNS) and is killed while the envelopes arrive. Restarted, Bob ends up with exactly Alice's
 * set, his database passes SQLite's integrity check and reopens, and every envelope he stored but had not yet
 * trial-opened at the kill is opened (and found not to be his) after the restart.
 */
class KillDuringSyncTest {
    /** Enough envelopes, each big enough, that the transfer takes long enough to be caught in the middle. */
    private static final int MESSAGES = 300;
    /** UTF-8 bytes per message text (the limit is 65,536), so each envelope is about 60 KiB. */
    private static final int TEXT_BYTES = 60_000;
    /** Bob is killed once he holds at least this many envelopes. */
    private static final int KILL_AT = MESSAGES / 3;
    private static final Duration TRANSFER_LIMIT = Duration.ofSeconds(120);

    @RegisterExtension
    final ProcessTestBed bed = ProcessTestBed.processes();

    @Test
    void carrierKilledMidSyncRestartsAndHoldsExactlyTheSenderSet(HabarshyProcesses habarshy) throws Exception {
        Path[] friends = habarshy.befriend("alice", "carol");
        Path alice = friends[0];
        Path bob = habarshy.init("bob");
        List<String> ids = HabarshyProcesses.sendInProcess(alice, "carol", texts());
        assertThat(StoreProbe.envelopeCount(alice)).isEqualTo(MESSAGES);
        Set<String> aliceIds = StoreProbe.envelopeIds(alice);
        assertThat(aliceIds).containsExactlyInAnyOrderElementsOf(ids);

        int alicePort = HabarshyProcesses.freePort();
        int bobPort = HabarshyProcesses.freePort();
        HabarshyProcess nodeA = habarshy.startNode("node-alice", alice, alicePort, "--no-mdns");
        List<String> bobArgs = List.of("run", "--data", bob.toString(), "--bind", "127.0.0.1", "--port",
                Integer.toString(bobPort), "--no-mdns", "--peer", "127.0.0.1:" + alicePort);

        // Launch Bob without waiting for his start-up line: the sync may begin before he prints it.
        long launched = System.nanoTime();
        HabarshyProcess firstB = habarshy.launchNode("node-bob-1", List.of(), bobArgs);
        long[] seen = new long[1];
        habarshy.await("Bob to hold at least " + KILL_AT + " envelopes", TRANSFER_LIMIT, () -> {
            seen[0] = StoreProbe.envelopeCount(bob);
            if (!firstB.isAlive()) {
                throw new AssertionError("Bob's node exited before the kill\n" + firstB.tail());
            }
            return seen[0] >= KILL_AT;
        });
        long firstSeenNanos = System.nanoTime();
        firstB.kill();
        long killedMillis = (System.nanoTime() - launched) / 1_000_000;
        long atKill = StoreProbe.envelopeCount(bob);
        long pendingAtKill = StoreProbe.pendingOpenCount(bob);
        Path wal = bob.resolve(Account.DATABASE_FILE + "-wal");
        System.out.printf("KillDuringSyncTest: SIGKILL %d ms after Bob's launch, when he held %d (seen %d) of %d "
                + "envelopes, %d of them not yet trial-opened; WAL left behind: %d bytes%n", killedMillis, atKill,
                seen[0], MESSAGES, pendingAtKill, Files.exists(wal) ? Files.size(wal) : -1);
        assertThat(atKill).as("the kill must land in the middle of the transfer; if Bob already holds every "
                + "envelope, make the test's envelopes bigger or more numerous").isBetween(1L, MESSAGES - 1L);

        long restarted = System.nanoTime();
        HabarshyProcess secondB = habarshy.startNode("node-bob-2", List.of(), bobArgs);
        habarshy.await("Bob to hold all " + MESSAGES + " envelopes after the restart", TRANSFER_LIMIT,
                () -> StoreProbe.envelopeCount(bob) == MESSAGES);
        System.out.printf("KillDuringSyncTest: after the restart Bob held all %d envelopes in %d ms (JVM start "
                + "included); first sync reached %d envelopes %d ms after launch%n", MESSAGES,
                (System.nanoTime() - restarted) / 1_000_000, seen[0], (firstSeenNanos - launched) / 1_000_000);
        habarshy.await("Bob to trial-open every envelope stored before the kill", TRANSFER_LIMIT,
                () -> StoreProbe.pendingOpenCount(bob) == 0);
        assertThat(StoreProbe.envelopeIds(bob)).as("the same set, nothing missing, nothing extra")
                .isEqualTo(aliceIds);
        assertThat(StoreProbe.single(bob, "SELECT count(*) FROM envelopes WHERE hops <> 1"))
                .as("every envelope crossed one link").isZero();

        JsonObject bobStatus = habarshy.awaitStatus(bob, "envelopesHeld", MESSAGES, HabarshyProcesses.DELIVERY_LIMIT);
        assertThat(bobStatus.get("envelopesCarried").getAsLong()).as("%s", bobStatus).isEqualTo(MESSAGES);
        assertThat(bobStatus.get("rejected").getAsLong()).as("%s", bobStatus).isZero();
        assertThat(bobStatus.getAsJsonArray("links")).as("%s", bobStatus).hasSize(1);
        assertThat(bobStatus.getAsJsonArray("links").get(0).getAsJsonObject().get("received").getAsLong())
                .as("after the restart Bob requested only what he lacked: %s", bobStatus)
                .isEqualTo(MESSAGES - atKill);
        assertThat(habarshy.status(alice).get("envelopesHeld").getAsLong()).isEqualTo(MESSAGES);
        assertThat(habarshy.messages(bob)).as("Bob can read none of it").isEmpty();

        secondB.signal("TERM");
        nodeA.signal("TERM");
        assertThat(secondB.awaitExit(HabarshyProcess.EXIT_LIMIT)).as(secondB.tail()).isZero();
        assertThat(nodeA.awaitExit(HabarshyProcess.EXIT_LIMIT)).as(nodeA.tail()).isZero();
        assertThat(StoreProbe.integrityCheck(bob)).isEqualTo("ok");
        // Reopening the directory (quick_check, migrations) works, and the set is still all there.
        assertThat(habarshy.messages(bob)).isEmpty();
        assertThat(StoreProbe.envelopeCount(bob)).isEqualTo(MESSAGES);
    }

    /** Distinct texts of {@link #TEXT_BYTES} ASCII letters each. */
    private static List<String> texts() {
        Random random = new Random(42);
        List<String> texts = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            StringBuilder text = new StringBuilder(TEXT_BYTES).append("message ").append(i).append(": ");
            while (text.length() < TEXT_BYTES) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            texts.add(text.toString());
        }
        return texts;
    }
}

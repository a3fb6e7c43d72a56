package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The receiving node killed with SIGKILL in the middle of a file transfer (three 16 MiB files, 261 envelopes)
 * loses nothing and is sent nothing twice: restarted, it receives exactly the envelopes it lacked, every file
 * completes with its SHA-256 checked, and the saved files are byte-identical to the originals.
 */
class FileKillDuringTransferTest {
    private static final int FILES = 3;
    private static final int FILE_BYTES = 16 * 1024 * 1024;
    private static final Duration TRANSFER_LIMIT = Duration.ofSeconds(180);

    @RegisterExtension
    final ProcessTestBed bed = ProcessTestBed.processes();

    @Test
    void receiverKilledMidTransferResumesWithoutResendingAndEveryFileIsExact(HabarshyProcesses habarshy,
                                                                              @org.junit.jupiter.api.io.TempDir
                                                                              Path tmp) throws Exception {
        Path[] friends = habarshy.befriend("alice", "bob");
        Path alice = friends[0];
        Path bob = friends[1];
        Random random = new Random(7);
        Path[] originals = new Path[FILES];
        for (int i = 0; i < FILES; i++) {
            byte[] bytes = new byte[FILE_BYTES];
            random.nextBytes(bytes);
            originals[i] = Files.write(tmp.resolve("video-" + i + ".mp4"), bytes);
        }
        habarshy.ok("send-file", "bob", originals[0].toString(), originals[1].toString(), originals[2].toString(),
                "--data", alice.toString());
        long sent = StoreProbe.envelopeCount(alice);
        assertThat(sent).isEqualTo(FILES * (1 + 86));

        int alicePort = HabarshyProcesses.freePort();
        int bobPort = HabarshyProcesses.freePort();
        HabarshyProcess nodeA = habarshy.startNode("node-alice", alice, alicePort, "--no-mdns");
        List<String> bobArgs = List.of("run", "--data", bob.toString(), "--bind", "127.0.0.1", "--port",
                Integer.toString(bobPort), "--no-mdns", "--peer", "127.0.0.1:" + alicePort);
        HabarshyProcess firstB = habarshy.launchNode("node-bob-1", List.of(), bobArgs);
        long killAt = sent / 3;
        habarshy.await("Bob to hold a third of the envelopes", TRANSFER_LIMIT, () -> {
            if (!firstB.isAlive()) {
                throw new AssertionError("Bob's node exited before the kill\n" + firstB.tail());
            }
            return StoreProbe.single(bob, "SELECT count(*) FROM envelopes WHERE hops = 1") >= killAt;
        });
        firstB.kill();
        long atKill = StoreProbe.single(bob, "SELECT count(*) FROM envelopes WHERE hops = 1");
        long chunksAtKill = StoreProbe.single(bob, "SELECT count(*) FROM attachment_chunks");
        System.out.printf("FileKillDuringTransferTest: SIGKILL when Bob held %d of %d envelopes (%d chunks stored)%n",
                atKill, sent, chunksAtKill);
        assertThat(atKill).as("the kill lands mid-transfer").isBetween(1L, sent - 1);

        HabarshyProcess secondB = habarshy.startNode("node-bob-2", List.of(), bobArgs);
        habarshy.await("every file complete at Bob", TRANSFER_LIMIT, () -> StoreProbe.single(bob,
                "SELECT count(*) FROM attachments WHERE state = 'COMPLETE'") == FILES);
        JsonObject status = habarshy.status(bob);
        assertThat(status.getAsJsonArray("links").get(0).getAsJsonObject().get("received").getAsLong())
                .as("after the restart Bob was sent only what he lacked: %s", status).isEqualTo(sent - atKill);

        secondB.signal("TERM");
        nodeA.signal("TERM");
        assertThat(secondB.awaitExit(HabarshyProcess.EXIT_LIMIT)).as(secondB.tail()).isZero();
        assertThat(nodeA.awaitExit(HabarshyProcess.EXIT_LIMIT)).as(nodeA.tail()).isZero();
        assertThat(StoreProbe.integrityCheck(bob)).isEqualTo("ok");

        String listed = habarshy.ok("files", "--data", bob.toString()).stdout();
        assertThat(listed.lines().filter(l -> l.contains("[complete]")).count()).isEqualTo(FILES);
        Path out = Files.createDirectory(tmp.resolve("saved"));
        for (String line : listed.lines().toList()) {
            habarshy.ok("files", "save", line.strip().split("\\s+")[0], "--to", out.toString(), "--data",
                    bob.toString());
        }
        for (Path original : originals) {
            assertThat(Files.mismatch(original, out.resolve(original.getFileName().toString())))
                    .as("%s saved byte for byte", original.getFileName()).isEqualTo(-1L);
        }
    }
}

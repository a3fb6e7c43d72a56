package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 'habarshy panic' in one process wipes the data directory of a 'habarshy run' in another: the running node
 * notices, drops its link, exits with code 3 and a clear message, and writes nothing there again.
 */
class PanicUnderRunningNodeTest {
    @RegisterExtension
    final ProcessTestBed bed = ProcessTestBed.processes();

    @Test
    void theRunningNodeExitsAndTheDirectoryStaysGone(HabarshyProcesses habarshy) throws Exception {
        Path[] users = habarshy.befriend("alice", "bob");
        int alicePort = HabarshyProcesses.freePort();
        int bobPort = HabarshyProcesses.freePort();
        HabarshyProcess bob = habarshy.startNode("node-bob", users[1], bobPort, "--no-mdns");
        HabarshyProcess alice = habarshy.startNode("node-alice", users[0], alicePort, "--no-mdns",
                "--peer", "127.0.0.1:" + bobPort);
        awaitLinks(habarshy, users[1], 1);

        habarshy.ok("panic", "--data", users[0].toString(), "--yes");

        assertThat(alice.awaitExit(HabarshyProcess.EXIT_LIMIT)).as(alice.tail()).isEqualTo(3);
        assertThat(alice.stderr()).as(alice.tail()).contains("The data directory was wiped");
        assertThat(users[0]).as("the node brought nothing back").doesNotExist();
        awaitLinks(habarshy, users[1], 0);
        assertThat(bob.isAlive()).isTrue();
        assertThat(Files.exists(users[0])).isFalse();
    }

    private static void awaitLinks(HabarshyProcesses habarshy, Path data, int links) throws Exception {
        Await.until(data.getFileName() + " with " + links + " link(s)", HabarshyProcesses.DELIVERY_LIMIT,
                () -> habarshy.status(data).getAsJsonArray("links").size() == links);
    }
}

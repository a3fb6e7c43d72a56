package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.HabarshyProcesses.assertNoPeerAddresses;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 'habarshy run' stops cleanly on SIGTERM and SIGINT, and its log does not give away where its peers are. */
class NodeShutdownTest {
    @RegisterExtension
    final ProcessTestBed bed = ProcessTestBed.processes();

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void linkedNodesExitWithStatusZeroOnSignalAndLogNoPeerAddress(String signal,
            HabarshyProcesses habarshy) throws Exception {
        Assumptions.assumeFalse(signal.equals("INT") && habarshy.childrenMayIgnoreSigint(),
                "this JVM ignores SIGINT (started in the background without job control) and no GNU env "
                        + "--default-signal is available to restore it for the children");
        Path[] users = habarshy.befriend("alice", "bob");
        int alicePort = HabarshyProcesses.freePort();
        int bobPort = HabarshyProcesses.freePort();
        HabarshyProcess bob = habarshy.startNode("node-bob", users[1], bobPort, "--no-mdns");
        HabarshyProcess alice = habarshy.startNode("node-alice", users[0], alicePort, "--no-mdns",
                "--peer", "127.0.0.1:" + bobPort);
        String id = habarshy.send(users[0], "bob", "Сау бол!");
        habarshy.awaitMessageState(users[0], id, "delivered");
        if (signal.equals("INT")) {
            assertThat(alice.ignoresSignal(HabarshyProcesses.SIGINT)).as("alice's node ignores SIGINT").isFalse();
            assertThat(bob.ignoresSignal(HabarshyProcesses.SIGINT)).as("bob's node ignores SIGINT").isFalse();
        }

        // The dialling node first, while its link is up; then the listening one.
        alice.signal(signal);
        assertThat(alice.awaitExit(HabarshyProcess.EXIT_LIMIT)).as("exit status after SIG%s\n%s", signal,
                alice.tail()).isZero();
        bob.signal(signal);
        assertThat(bob.awaitExit(HabarshyProcess.EXIT_LIMIT)).as("exit status after SIG%s\n%s", signal,
                bob.tail()).isZero();

        assertThat(alice.stderr()).as(alice.tail()).contains("stopping");
        assertThat(bob.stderr()).as(bob.tail()).contains("stopping");
        assertNoPeerAddresses(alice, bobPort);
        assertNoPeerAddresses(bob, alicePort);
    }
}

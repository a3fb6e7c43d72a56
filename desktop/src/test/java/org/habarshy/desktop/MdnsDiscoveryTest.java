package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.desktop.HabarshyProcesses.assertMessage;
import static org.habarshy.desktop.HabarshyProcesses.assertNoPeerAddresses;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.testing.NetworkNamespaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes with neither --peer nor --no-mdns find each other by mDNS alone. Both are bound to 127.0.0.1, so
 * JmDNS runs on the loopback interface only: nothing may leave through eth0 (the count of eth0's sent packets
 * is printed; other traffic of the machine may move it, so it is reported, not asserted).
 */
class MdnsDiscoveryTest {
    /** Re-queries come every 30 s, so a missed first announcement is still answered well within this. */
    private static final Duration DISCOVERY_LIMIT = Duration.ofSeconds(120);

    @RegisterExtension
    final ProcessTestBed bed = ProcessTestBed.processes();

    private boolean loopbackMulticastWasOff;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to turn on multicast on the loopback interface");
        String loopback = ip("link", "show", "lo");
        Assumptions.assumeTrue(loopback != null, "cannot run 'ip link show lo'");
        loopbackMulticastWasOff = !loopback.contains("MULTICAST");
        Assumptions.assumeTrue(ip("link", "set", "lo", "multicast", "on") != null,
                "'ip link set lo multicast on' failed");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (loopbackMulticastWasOff) {
            ip("link", "set", "lo", "multicast", "off");
        }
    }

    @Test
    void nodesOnLoopbackFindEachOtherByMdnsAndExchangeMessages(HabarshyProcesses habarshy) throws Exception {
        long eth0Before = NetworkNamespaces.hostTxPackets("eth0");
        Path[] users = habarshy.befriend("alice", "bob");
        int alicePort = HabarshyProcesses.freePort();
        int bobPort = HabarshyProcesses.freePort();
        HabarshyProcess bob = habarshy.startNode("node-bob", users[1], bobPort);
        HabarshyProcess alice = habarshy.startNode("node-alice", users[0], alicePort);

        habarshy.await("both nodes to find a peer by mDNS", DISCOVERY_LIMIT,
                () -> alice.stderr().contains("found a peer by mDNS") && bob.stderr().contains("found a peer by mDNS"));

        String toBob = habarshy.send(users[0], "bob", "Сәлем! Қалайсың? Привет");
        assertMessage(habarshy.awaitMessageState(users[1], toBob, "delivered"), toBob, "alice", "me",
                "Сәлем! Қалайсың? Привет", "delivered");
        habarshy.awaitMessageState(users[0], toBob, "delivered");
        String toAlice = habarshy.send(users[1], "alice", "Жақсы");
        assertMessage(habarshy.awaitMessageState(users[0], toAlice, "delivered"), toAlice, "bob", "me", "Жақсы",
                "delivered");

        alice.signal("TERM");
        bob.signal("TERM");
        assertThat(alice.awaitExit(HabarshyProcess.EXIT_LIMIT)).as(alice.tail())
                .isZero();
        assertThat(bob.awaitExit(HabarshyProcess.EXIT_LIMIT)).as(bob.tail())
                .isZero();
        assertNoPeerAddresses(alice, bobPort);
        assertNoPeerAddresses(bob, alicePort);

        long eth0After = NetworkNamespaces.hostTxPackets("eth0");
        System.out.println("MdnsDiscoveryTest: eth0 tx_packets before=" + eth0Before + " after=" + eth0After
                + " delta=" + (eth0After - eth0Before) + " (other traffic of the machine counts too)");
    }

    /** Runs {@code ip args...}; returns its output, or null if it failed. */
    private static String ip(String... args) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(concat("ip", args)).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }
}

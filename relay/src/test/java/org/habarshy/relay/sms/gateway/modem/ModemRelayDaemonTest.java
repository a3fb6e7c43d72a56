package org.habarshy.relay.sms.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.testing.SmsCorpus;
import org.habarshy.relay.testing.Relays;
import org.habarshy.relay.testing.SmsIslands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GSM modem gateway through the daemon: each relay's configuration names a modem port (one end of a socat pty
 * pair), a {@link ModemEmulator} on the other end plays the modem and the radio network between the two, and a
 * compact message crosses from Alice's node to Bob's with its receipt back.
 */
class ModemRelayDaemonTest {
    private static final String NUMBER_1 = "77010000031";
    private static final String NUMBER_2 = "77010000032";

    @TempDir
    Path dir;

    private final List<Process> socats = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        for (Process p : socats) {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private Path[] ptyPair(String name) throws Exception {
        Path modemEnd = dir.resolve(name + "-modem");
        Path gatewayEnd = dir.resolve(name + "-gateway");
        socats.add(new ProcessBuilder("socat", "pty,raw,echo=0,link=" + modemEnd, "pty,raw,echo=0,link=" + gatewayEnd)
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + "-socat.log").toFile()).start());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(modemEnd) && Files.exists(gatewayEnd))) {
            assertThat(System.nanoTime()).as("socat made the pty pair").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return new Path[] {modemEnd, gatewayEnd};
    }

    private Properties relay(String name, Path port, String peerNumber) throws Exception {
        Properties p = Relays.loopback(dir.resolve(name));
        p.setProperty("sms.gateway", "modem");
        p.setProperty("sms.modem.port", port.toString());
        p.setProperty("sms.modem.configure-with-stty", "false");
        p.setProperty("sms.tick", "50ms");
        p.setProperty("sms.forward.interval", "100ms");
        p.setProperty("sms.peer.other", "+" + peerNumber);
        return p;
    }

    private static void radio(ModemEmulator from, String fromNumber, ModemEmulator to) {
        from.onSubmit(pdu -> {
            try {
                to.deliver(ModemEmulator.deliverFromSubmit(pdu, fromNumber));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aCompactMessageCrossesTwoModemRelaysStartedFromTheirConfiguration() throws Exception {
        Assumptions.assumeTrue(socatAvailable(), "socat is not installed (Debian package socat)");
        Path[] a = ptyPair("a");
        Path[] b = ptyPair("b");
        ModemEmulator modem1 = new ModemEmulator(a[0]);
        ModemEmulator modem2 = new ModemEmulator(b[0]);
        open.add(modem1);
        open.add(modem2);
        radio(modem1, NUMBER_1, modem2);
        radio(modem2, NUMBER_2, modem1);
        SmsIslands islands = SmsIslands.start(dir, relay("relay-1", a[1], NUMBER_2), relay("relay-2", b[1], NUMBER_1));
        open.add(islands);

        islands.compactMessageAndReceiptCross(SmsCorpus.messages("kk").get(7));
        assertThat(modem1.commands()).anyMatch(c -> c.startsWith("AT+CMGS="));
        assertThat(islands.relay2Counter("sms.mesh.compact-carried")).isEqualTo(1);
        assertThat(islands.relay1Counter("sms.mesh.compact-carried")).as("the receipt").isEqualTo(1);
        assertThat(modem2.submitted()).as("the receipt is one SMS").hasSize(1);
    }

    private static boolean socatAvailable() {
        try {
            return new ProcessBuilder("socat", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

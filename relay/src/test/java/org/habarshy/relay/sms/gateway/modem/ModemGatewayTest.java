package org.habarshy.relay.sms.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.gateway.SmsListener;
import org.habarshy.relay.sms.gateway.SmsSendException;
import org.habarshy.relay.sms.segment.SmsSegment;
import org.habarshy.relay.sms.segment.SmsSegmenter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ModemGateway over real pseudo-terminal pairs made by {@code socat}, each talking to a {@link ModemEmulator}; the
 * two emulators are joined like a mobile network (what modem A sends, modem B receives from A's number).
 */
class ModemGatewayTest {
    private static final PhoneNumber A = PhoneNumber.parse("+77010000001");
    private static final PhoneNumber B = PhoneNumber.parse("+77010000002");

    @TempDir
    Path dir;

    private final List<Process> socats = new ArrayList<>();
    private ModemEmulator modemA;
    private ModemEmulator modemB;
    private ModemGateway gatewayA;
    private ModemGateway gatewayB;
    private final BlockingQueue<Object[]> receivedB = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> malformedB = new LinkedBlockingQueue<>();

    private static boolean socatAvailable() {
        try {
            return new ProcessBuilder("socat", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private Path[] ptyPair(String name) throws Exception {
        Path modemEnd = dir.resolve(name + "-modem");
        Path gatewayEnd = dir.resolve(name + "-gateway");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + modemEnd,
                "pty,raw,echo=0,link=" + gatewayEnd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + "-socat.log").toFile()).start();
        socats.add(socat);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(modemEnd) && Files.exists(gatewayEnd))) {
            assertThat(System.nanoTime()).as("socat made the pty pair").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return new Path[] {modemEnd, gatewayEnd};
    }

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(socatAvailable(), "socat is not installed (Debian package socat)");
        Path[] a = ptyPair("a");
        Path[] b = ptyPair("b");
        modemA = new ModemEmulator(a[0]);
        modemB = new ModemEmulator(b[0]);
        modemA.onSubmit(pdu -> {
            try {
                modemB.deliver(ModemEmulator.deliverFromSubmit(pdu, A.digitsOnly()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        gatewayA = new ModemGateway(new ModemConfig(a[1], 115_200, Duration.ofSeconds(5), false));
        gatewayB = new ModemGateway(new ModemConfig(b[1], 115_200, Duration.ofSeconds(5), false));
        gatewayA.start(listener(new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>()));
        gatewayB.start(listener(receivedB, malformedB));
    }

    private static SmsListener listener(BlockingQueue<Object[]> received, BlockingQueue<String> malformed) {
        return new SmsListener() {
            @Override
            public boolean binaryReceived(PhoneNumber from, SmsSegment segment) {
                received.add(new Object[] {from, segment});
                return true;
            }

            @Override
            public void malformedReceived(String reason) {
                malformed.add(reason);
            }
        };
    }

    @AfterEach
    void stop() throws Exception {
        if (gatewayA != null) {
            gatewayA.close();
            gatewayB.close();
            modemA.close();
            modemB.close();
        }
        for (Process p : socats) {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void setsUpPduModeAndNewMessageIndications() {
        assertThat(modemA.commands()).containsSubsequence("AT", "ATE0", "AT+CMGF=0", "AT+CNMI=2,1,0,0,0");
    }

    @Test
    void concatenatedBinarySmsGoesThroughBothModems() throws Exception {
        byte[] payload = new byte[200];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 7);
        }
        List<SmsSegment> parts = new SmsSegmenter().split(payload, 77);
        for (SmsSegment part : parts) {
            gatewayA.sendBinary(B, part);
        }
        for (SmsSegment part : parts) {
            Object[] got = receivedB.poll(10, TimeUnit.SECONDS);
            assertThat(got).isNotNull();
            assertThat(got[0]).isEqualTo(A);
            assertThat(got[1]).isEqualTo(part);
        }
        byte[] submit = modemA.submitted().get(0);
        assertThat(submit[1] & 0x40).as("UDHI").isEqualTo(0x40);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (modemB.stored() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(modemB.stored()).as("read SMS are deleted from the SIM").isZero();
        assertThat(modemB.commands()).anyMatch(c -> c.startsWith("AT+CMGR=")).anyMatch(c -> c.startsWith("AT+CMGD="));
    }

    @Test
    void sendErrorsAreClassified() {
        SmsSegment one = new SmsSegment(new byte[] {1, 2}, false);
        modemA.failNextSend("+CMS ERROR: 42");
        assertThatThrownBy(() -> gatewayA.sendBinary(B, one)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.kind()).isEqualTo(SmsSendException.Kind.THROTTLED));
        modemA.failNextSend("+CMS ERROR: 38");
        assertThatThrownBy(() -> gatewayA.sendBinary(B, one)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.kind()).isEqualTo(SmsSendException.Kind.TRANSIENT));
        modemA.failNextSend("+CMS ERROR: 304");
        assertThatThrownBy(() -> gatewayA.sendBinary(B, one)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.kind()).isEqualTo(SmsSendException.Kind.PERMANENT));
    }

    @Test
    void malformedAndTextSmsAreDroppedReportedAndDeleted() throws Exception {
        modemB.deliver(new byte[] {0x00, 0x04, 0x0B}); // truncated
        modemB.deliver(ModemEmulator.deliver(A.digitsOnly(), false, 0, 0x00, "hi".getBytes(StandardCharsets.US_ASCII)));
        modemB.deliver(ModemEmulator.deliver(A.digitsOnly(), true, 0, 0x04, new byte[] {9, 0, 3})); // bad UDH
        assertThat(malformedB.poll(10, TimeUnit.SECONDS)).contains("truncated");
        assertThat(malformedB.poll(10, TimeUnit.SECONDS)).contains("7-bit");
        assertThat(malformedB.poll(10, TimeUnit.SECONDS)).contains("header");
        assertThat(receivedB).isEmpty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (modemB.stored() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(modemB.stored()).isZero();
        // The gateway still works afterwards.
        gatewayA.sendBinary(B, new SmsSegment(new byte[] {1}, false));
        assertThat(receivedB.poll(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void smsStoredWhileTheRelayWasDownAreReadAtStart() throws Exception {
        Path[] c = ptyPair("c");
        try (ModemEmulator modemC = new ModemEmulator(c[0])) {
            byte[] data = {5, 0, 3, 1, 2, 2, 33};
            modemC.store(ModemEmulator.deliver(A.digitsOnly(), true, 0, 0x04, data));
            modemC.store(ModemEmulator.deliver(A.digitsOnly(), false, 0, 0x04, new byte[] {44}));
            BlockingQueue<Object[]> received = new LinkedBlockingQueue<>();
            ModemGateway gatewayC = new ModemGateway(new ModemConfig(c[1], 115_200, Duration.ofSeconds(5), false));
            try {
                gatewayC.start(listener(received, new LinkedBlockingQueue<>()));
                assertThat(((SmsSegment) received.poll(10, TimeUnit.SECONDS)[1]).userData()).isEqualTo(data);
                assertThat(((SmsSegment) received.poll(10, TimeUnit.SECONDS)[1]).userData()).containsExactly(44);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (modemC.stored() > 0 && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                assertThat(modemC.stored()).as("deleted once handed on").isZero();
            } finally {
                gatewayC.close();
            }
        }
    }

    @Test
    void anSmsTheListenerCannotStoreStaysOnTheSim() throws Exception {
        Path[] c = ptyPair("c");
        try (ModemEmulator modemC = new ModemEmulator(c[0])) {
            ModemGateway gatewayC = new ModemGateway(new ModemConfig(c[1], 115_200, Duration.ofSeconds(5), false));
            BlockingQueue<String> refused = new LinkedBlockingQueue<>();
            try {
                gatewayC.start(new SmsListener() {
                    @Override
                    public boolean binaryReceived(PhoneNumber from, SmsSegment segment) {
                        refused.add("refused");
                        return false;
                    }

                    @Override
                    public void malformedReceived(String reason) {
                    }
                });
                modemC.deliver(ModemEmulator.deliver(A.digitsOnly(), false, 0, 0x04, new byte[] {1}));
                assertThat(refused.poll(10, TimeUnit.SECONDS)).isNotNull();
                gatewayC.sendBinary(B, new SmsSegment(new byte[] {2}, false)); // the modem keeps working
                assertThat(modemC.stored()).isEqualTo(1);
                assertThat(modemC.commands()).noneMatch(cmd -> cmd.startsWith("AT+CMGD="));
            } finally {
                gatewayC.close();
            }
        }
    }

    @Test
    void plainTextGoesAsUcs2Pdus() throws Exception {
        gatewayA.sendPlainText(B, "Бұл шифрланбаған хабар.");
        byte[] submit = modemA.submitted().get(0);
        int dcsAt = 1 + 1 + 1 + 1 + 1 + (B.digitsOnly().length() + 1) / 2 + 1;
        assertThat(submit[dcsAt]).isEqualTo((byte) 0x08);
    }
}

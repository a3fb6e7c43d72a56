package org.habarshy.relay.sms.gateway.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.gateway.SmsListener;
import org.habarshy.relay.sms.gateway.SmsSendException;
import org.habarshy.relay.sms.segment.SmsSegment;
import org.habarshy.relay.sms.segment.SmsSegmenter;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SmppGateway against a real jsmpp SMSC session on loopback (TestSmsc), no mocks. */
class SmppGatewayTest {
    private static final PhoneNumber A = PhoneNumber.parse("+77010000001");
    private static final PhoneNumber B = PhoneNumber.parse("+77010000002");

    private TestSmsc smsc;
    private SmppGateway gatewayA;
    private SmppGateway gatewayB;
    private final Inbox inboxA = new Inbox();
    private final Inbox inboxB = new Inbox();

    record Received(PhoneNumber from, SmsSegment segment) {
    }

    static final class Inbox implements SmsListener {
        final BlockingQueue<Received> binary = new LinkedBlockingQueue<>();
        final BlockingQueue<String> malformed = new LinkedBlockingQueue<>();

        @Override
        public boolean binaryReceived(PhoneNumber from, SmsSegment segment) {
            binary.add(new Received(from, segment));
            return true;
        }

        @Override
        public void malformedReceived(String reason) {
            malformed.add(reason);
        }
    }

    @BeforeEach
    void start() throws Exception {
        smsc = new TestSmsc();
        smsc.route(A.digitsOnly(), "relay-a");
        smsc.route(B.digitsOnly(), "relay-b");
        gatewayA = gateway("relay-a", A);
        gatewayB = gateway("relay-b", B);
        gatewayA.start(inboxA);
        gatewayB.start(inboxB);
        awaitUp(gatewayA);
        awaitUp(gatewayB);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(smsc.isBound("relay-a") && smsc.isBound("relay-b")) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private SmppGateway gateway(String systemId, PhoneNumber own) {
        return new SmppGateway(new SmppConfig("127.0.0.1", smsc.port(), systemId, "secret", "", own.digitsOnly(),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMillis(400)));
    }

    private static void awaitUp(SmppGateway gateway) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!gateway.isUp() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(gateway.isUp()).as("bound").isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        gatewayA.close();
        gatewayB.close();
        smsc.close();
    }

    @Test
    void concatenatedBinarySmsTravelsWithEightBitCodingAndUdh() throws Exception {
        byte[] payload = new byte[300];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        for (SmsSegment s : new SmsSegmenter().split(payload, 42)) {
            gatewayA.sendBinary(B, s);
        }
        for (int i = 1; i <= 3; i++) {
            Received r = inboxB.binary.poll(10, TimeUnit.SECONDS);
            assertThat(r).isNotNull();
            assertThat(r.from()).isEqualTo(A);
            assertThat(r.segment().hasHeader()).isTrue();
            assertThat(r.segment().part().reference()).isEqualTo(42);
            assertThat(r.segment().part().total()).isEqualTo(3);
        }
        assertThat(smsc.submitted()).hasSize(3).allSatisfy(s -> {
            assertThat(s.dataCoding()).isEqualTo((byte) 0x04);
            assertThat(s.esmClass() & 0x40).isEqualTo(0x40);
        });
    }

    @Test
    void throttlingIsReportedAsRetryLater() throws Exception {
        smsc.throttleNext(1);
        SmsSegment one = new SmsSegment(new byte[] {1, 2, 3}, false);
        assertThatThrownBy(() -> gatewayA.sendBinary(B, one)).isInstanceOfSatisfying(SmsSendException.class,
                e -> assertThat(e.kind()).isEqualTo(SmsSendException.Kind.THROTTLED));
        gatewayA.sendBinary(B, one);
        assertThat(inboxB.binary.poll(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void reconnectsAfterTheSmscDropsTheLinkAndFailsTransientlyMeanwhile() throws Exception {
        smsc.dropConnections();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gatewayA.isUp() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        SmsSegment one = new SmsSegment("x".getBytes(StandardCharsets.US_ASCII), false);
        if (!gatewayA.isUp()) {
            assertThatThrownBy(() -> gatewayA.sendBinary(B, one)).isInstanceOfSatisfying(SmsSendException.class,
                    e -> assertThat(e.kind()).isEqualTo(SmsSendException.Kind.TRANSIENT));
        }
        awaitUp(gatewayA);
        awaitUp(gatewayB);
        gatewayA.sendBinary(B, one);
        assertThat(inboxB.binary.poll(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void malformedDeliverSmIsRefusedAndReported() throws Exception {
        // UDHI set but the header length overruns the message.
        int status = smsc.deliverRaw("relay-b", A.digitsOnly(), (byte) 0x40, (byte) 0x04, new byte[] {9, 0, 3});
        assertThat(status).isEqualTo(SMPPConstant.STAT_ESME_RX_P_APPN);
        assertThat(inboxB.malformed.poll(5, TimeUnit.SECONDS)).contains("header");
        // Not a phone number.
        status = smsc.deliverRaw("relay-b", "abc", (byte) 0, (byte) 0x04, new byte[] {1});
        assertThat(status).isEqualTo(SMPPConstant.STAT_ESME_RX_P_APPN);
        // Text coding where binary is expected.
        status = smsc.deliverRaw("relay-b", A.digitsOnly(), (byte) 0, (byte) 0x08, new byte[] {0, 0x41});
        assertThat(status).isEqualTo(SMPPConstant.STAT_ESME_RX_P_APPN);
        assertThat(inboxB.binary).isEmpty();
        // The session survives: a good one still arrives.
        assertThat(smsc.deliverRaw("relay-b", A.digitsOnly(), (byte) 0, (byte) 0x04, new byte[] {7})).isZero();
        assertThat(inboxB.binary.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void plainTextGoesAsUcs2() throws Exception {
        gatewayA.sendPlainText(B, "Сәлем! Бұл шифрланбаған хабар.");
        assertThat(smsc.submitted()).hasSize(1);
        assertThat(smsc.submitted().get(0).dataCoding()).isEqualTo((byte) 0x08);
        assertThat(new String(smsc.submitted().get(0).shortMessage(), StandardCharsets.UTF_16BE))
                .isEqualTo("Сәлем! Бұл шифрланбаған хабар.");
    }
}

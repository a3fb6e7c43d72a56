package org.habarshy.relay.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.CompactOpener;
import org.habarshy.core.crypto.CompactSealer;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.relay.sms.SmsCounters.Counter;
import org.habarshy.core.compact.CompactTextCodec;
import org.habarshy.core.compact.CompressionDictionaries;
import org.habarshy.core.compact.SmsCharset;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.gateway.smpp.SmppConfig;
import org.habarshy.relay.sms.gateway.smpp.SmppGateway;
import org.habarshy.relay.sms.gateway.smpp.TestSmsc;
import org.habarshy.relay.sms.segment.SmsSegmenter;
import org.habarshy.relay.sms.store.SmsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.habarshy.core.testing.SmsCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two relays' SMS bridges, each with its own SQLite store, connected through a real jsmpp SMSC session on loopback,
 * carrying real sealed core envelopes and compact messages both ways, with throttling, dropped links, lost parts,
 * duplicates and budgets.
 */
class SmsBridgeSmppTest {
    private static final PhoneNumber NUMBER_A = PhoneNumber.parse("+77010000001");
    private static final PhoneNumber NUMBER_B = PhoneNumber.parse("+77010000002");
    private static final long DAY = 86_400_000L;

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private TestSmsc smsc;
    private Relay a;
    private Relay b;

    /** One relay's bridge, store and what its sink received. */
    final class Relay implements AutoCloseable {
        final BlockingQueue<byte[]> envelopes = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> compact = new LinkedBlockingQueue<>();
        final SmsStore store;
        final SmsBridge bridge;

        Relay(String name, PhoneNumber own, SmsBridgeConfig config, int port) throws Exception {
            store = SmsStore.open(dir.resolve(name + ".db"));
            SmppGateway gateway = new SmppGateway(new SmppConfig("127.0.0.1", port, name, "pw", "",
                    own.digitsOnly(), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(50),
                    Duration.ofMillis(200)));
            bridge = new SmsBridge(gateway, store, config, new SmsPayloadSink() {
                @Override
                public void envelopeReceived(byte[] envelope) {
                    envelopes.add(envelope);
                }

                @Override
                public void compactReceived(byte[] message) {
                    compact.add(message);
                }
            }, Clock.systemUTC());
            bridge.start();
        }

        @Override
        public void close() throws java.sql.SQLException {
            bridge.close();
            store.close();
        }
    }

    static SmsBridgeConfig fastConfig() {
        return new SmsBridgeConfig(500, 50, 200, 16, Duration.ofMillis(300), 2, Duration.ofSeconds(30), 5,
                Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMillis(50), 20, Duration.ofHours(1));
    }

    /** Every log record of the relay's own loggers, at every level, to check that no phone number is logged. */
    private final List<String> logLines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.logging.Handler logCapture = new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord record) {
            logLines.add(new java.util.logging.SimpleFormatter().format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final java.util.logging.Logger relayLogger = java.util.logging.Logger.getLogger("org.habarshy.relay");

    @BeforeEach
    void start() throws Exception {
        relayLogger.setLevel(java.util.logging.Level.ALL);
        logCapture.setLevel(java.util.logging.Level.ALL);
        relayLogger.addHandler(logCapture);
        smsc = new TestSmsc();
        smsc.route(NUMBER_A.digitsOnly(), "relay-a");
        smsc.route(NUMBER_B.digitsOnly(), "relay-b");
        a = new Relay("relay-a", NUMBER_A, fastConfig(), smsc.port());
        b = new Relay("relay-b", NUMBER_B, fastConfig(), smsc.port());
        await(() -> smsc.isBound("relay-a") && smsc.isBound("relay-b"), "both relays bound");
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        smsc.close();
        relayLogger.removeHandler(logCapture);
        relayLogger.setLevel(null);
        assertThat(logLines).noneMatch(line -> line.contains(NUMBER_A.digitsOnly())
                || line.contains(NUMBER_B.digitsOnly()));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private byte[] sealedEnvelope(AgreementKeyPair recipient, int contentBytes) {
        EnvelopeSealer sealer = new EnvelopeSealer(SigningKeyPair.generate(random), AgreementKeyPair.generate(random),
                random);
        byte[] content = new byte[contentBytes];
        random.nextBytes(content);
        long now = System.currentTimeMillis();
        return sealer.seal(recipient.publicKey(), content, now, now + 7 * DAY);
    }

    @Test
    void realSealedEnvelopesTravelBothWaysAndOpen() throws Exception {
        AgreementKeyPair bob = AgreementKeyPair.generate(random);
        AgreementKeyPair alice = AgreementKeyPair.generate(random);
        byte[] toBob = sealedEnvelope(bob, 200);
        byte[] toAlice = sealedEnvelope(alice, 10);

        assertThat(a.bridge.submit(toBob, NUMBER_B, "mesh-peer-1").get(5, TimeUnit.SECONDS))
                .isEqualTo(SubmitResult.QUEUED);
        assertThat(b.bridge.submit(toAlice, NUMBER_A, "mesh-peer-2").get(5, TimeUnit.SECONDS))
                .isEqualTo(SubmitResult.QUEUED);

        byte[] atB = b.envelopes.poll(15, TimeUnit.SECONDS);
        byte[] atA = a.envelopes.poll(15, TimeUnit.SECONDS);
        assertThat(atB).isEqualTo(toBob);
        assertThat(atA).isEqualTo(toAlice);
        OpenedEnvelope opened = new EnvelopeOpener(bob).open(atB).orElseThrow();
        assertThat(opened.content()).hasSize(200);
        assertThat(new EnvelopeOpener(alice).open(atA)).isPresent();
        // 394 bytes: 3 concatenated parts; 204 bytes: 2.
        assertThat(smsc.submitted()).hasSize(SmsSegmenter.segmentsFor(toBob.length)
                + SmsSegmenter.segmentsFor(toAlice.length)).hasSize(5);
    }

    @Test
    void kazakhAndRussianTextsTravelBothWaysAsOneOrTwoSmsAndOpen() throws Exception {
        AgreementKeyPair alice = AgreementKeyPair.generate(random);
        AgreementKeyPair bob = AgreementKeyPair.generate(random);
        CompactTextCodec codec = new CompactTextCodec(new SmsCharset(), CompressionDictionaries.builtIn());
        SmsTextMessages aliceSide = new SmsTextMessages(codec, new CompactSealer(alice, random),
                new CompactOpener(alice));
        SmsTextMessages bobSide = new SmsTextMessages(codec, new CompactSealer(bob, random), new CompactOpener(bob));
        String kazakh = SmsCorpus.messages("kk").get(15);
        String russian = SmsCorpus.messages("ru").get(27);
        byte[] toBob = aliceSide.seal(bob.publicKey(), kazakh, System.currentTimeMillis());
        byte[] toAlice = bobSide.seal(alice.publicKey(), russian, System.currentTimeMillis());

        assertThat(a.bridge.submit(toBob, NUMBER_B, "alice").get(5, TimeUnit.SECONDS)).isEqualTo(SubmitResult.QUEUED);
        assertThat(b.bridge.submit(toAlice, NUMBER_A, "bob").get(5, TimeUnit.SECONDS)).isEqualTo(SubmitResult.QUEUED);
        byte[] atB = b.compact.poll(15, TimeUnit.SECONDS);
        byte[] atA = a.compact.poll(15, TimeUnit.SECONDS);
        assertThat(atB).isEqualTo(toBob);
        assertThat(atA).isEqualTo(toAlice);
        SmsTextMessages.OpenedText opened = bobSide.open(atB, List.of(bob.publicKey(), alice.publicKey()))
                .orElseThrow();
        assertThat(opened.sender()).isEqualTo(alice.publicKey());
        assertThat(opened.text()).isEqualTo(kazakh);
        assertThat(aliceSide.open(atA, List.of(bob.publicKey())).orElseThrow().text()).isEqualTo(russian);
        assertThat(SmsSegmenter.segmentsFor(toBob.length) + SmsSegmenter.segmentsFor(toAlice.length))
                .isEqualTo(smsc.submitted().size()).isLessThanOrEqualTo(4);
    }

    @Test
    void throttledSubmitsAreRetriedLaterAndNothingIsLost() throws Exception {
        smsc.throttleNext(3);
        byte[] envelope = sealedEnvelope(AgreementKeyPair.generate(random), 300);
        assertThat(a.bridge.submit(envelope, NUMBER_B, "p").get(5, TimeUnit.SECONDS)).isEqualTo(SubmitResult.QUEUED);
        assertThat(b.envelopes.poll(15, TimeUnit.SECONDS)).isEqualTo(envelope);
        assertThat(a.bridge.counters().get(Counter.SEND_THROTTLED)).isGreaterThanOrEqualTo(3);
        assertThat(a.bridge.pendingSegments().get(5, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void whenTheSmscDropsTheLinkTheQueueWaitsAndDeliversAfterReconnect() throws Exception {
        smsc.dropConnections();
        byte[] envelope = sealedEnvelope(AgreementKeyPair.generate(random), 100);
        // The bridge's thread may be waiting out a 5 s response timeout on the dropped session before it takes the
        // submit; the limit only bounds a failing test.
        assertThat(a.bridge.submit(envelope, NUMBER_B, "p").get(30, TimeUnit.SECONDS)).isEqualTo(SubmitResult.QUEUED);
        assertThat(b.envelopes.poll(15, TimeUnit.SECONDS)).isEqualTo(envelope);
    }

    @Test
    void aLostPartIsRequestedAgainAndTheSetCompletes() throws Exception {
        // The receiver asks once no part has arrived for 2 s (not fastConfig's 300 ms), so that on a loaded machine
        // only the lost part is requested (it once asked for 3 of 4 under load 20, when the wait ran from the first
        // part of the set, not from the latest).
        b.close();
        b = new Relay("relay-b3", NUMBER_B, new SmsBridgeConfig(500, 50, 200, 16, Duration.ofSeconds(2), 2,
                Duration.ofSeconds(30), 5, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMillis(50), 20,
                Duration.ofHours(1)), smsc.port());
        await(() -> smsc.isBound("relay-b3"), "relay-b3 bound");
        smsc.route(NUMBER_B.digitsOnly(), "relay-b3");
        smsc.dropNextPart(2);
        byte[] envelope = sealedEnvelope(AgreementKeyPair.generate(random), 300);
        assertThat(a.bridge.submit(envelope, NUMBER_B, "p").get(5, TimeUnit.SECONDS)).isEqualTo(SubmitResult.QUEUED);
        assertThat(b.envelopes.poll(15, TimeUnit.SECONDS)).isEqualTo(envelope);
        assertThat(b.bridge.counters().get(Counter.RESEND_REQUESTS_SENT)).isEqualTo(1);
        assertThat(a.bridge.counters().get(Counter.PARTS_RESENT)).isEqualTo(1);
    }

    @Test
    void anIncompleteSetThatIsNeverCompletedExpires() throws Exception {
        b.close();
        b = new Relay("relay-b2", NUMBER_B, new SmsBridgeConfig(500, 50, 200, 16, Duration.ofMillis(100), 0,
                Duration.ofMillis(300), 5, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMillis(50), 20,
                Duration.ofHours(1)), smsc.port());
        await(() -> smsc.isBound("relay-b2"), "relay-b2 bound");
        smsc.route(NUMBER_B.digitsOnly(), "relay-b2");
        smsc.dropNextPart(1);
        byte[] envelope = sealedEnvelope(AgreementKeyPair.generate(random), 300);
        a.bridge.submit(envelope, NUMBER_B, "p").get(5, TimeUnit.SECONDS);
        await(() -> b.bridge.counters().get(Counter.SETS_EXPIRED) == 1, "set expiry");
        assertThat(b.envelopes).isEmpty();
        assertThat(b.bridge.counters().get(Counter.RESEND_REQUESTS_SENT)).isZero();
    }

    @Test
    void plainTextFallbackIsReadableUcs2AndOnlySentWhenAsked() throws Exception {
        PhoneNumber editor = PhoneNumber.parse("+77019999999");
        byte[] envelope = sealedEnvelope(AgreementKeyPair.generate(random), 20);
        a.bridge.submit(envelope, NUMBER_B, "p").get(5, TimeUnit.SECONDS);
        assertThat(b.envelopes.poll(15, TimeUnit.SECONDS)).isEqualTo(envelope);
        assertThat(smsc.submitted()).allSatisfy(s -> assertThat(s.dataCoding()).isEqualTo((byte) 0x04));

        String text = "Редакцияға: Алматыда бүгін түнде атыс болды, бәріміз аманбыз.";
        assertThat(a.bridge.sendUnencryptedPlainText(editor, text, "user").get(5, TimeUnit.SECONDS)).isTrue();
        await(() -> smsc.submitted().stream().anyMatch(s -> s.dataCoding() == 0x08), "plain SMS submitted");
        TestSmsc.Submitted plain = smsc.submitted().stream().filter(s -> s.dataCoding() == 0x08).findFirst()
                .orElseThrow();
        assertThat(plain.destination()).isEqualTo(editor.digitsOnly());
        assertThat(new String(plain.shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo(text);
        assertThat(a.bridge.counters().get(Counter.PLAIN_SENT)).isEqualTo(1);
    }

    @Test
    void malformedAndExpiredIncomingPayloadsAreDroppedAndCounted() throws Exception {
        // A complete two-part set whose payload is of no known kind.
        byte[] part1 = new byte[140];
        part1[0] = 5;
        part1[2] = 3;
        part1[3] = 99;
        part1[4] = 2;
        part1[5] = 1;
        part1[6] = 0x55;
        byte[] part2 = {5, 0, 3, 99, 2, 2, 1, 2, 3};
        assertThat(smsc.deliverRaw("relay-b", NUMBER_A.digitsOnly(), (byte) 0x40, (byte) 0x04, part1)).isZero();
        assertThat(smsc.deliverRaw("relay-b", NUMBER_A.digitsOnly(), (byte) 0x40, (byte) 0x04, part2)).isZero();
        await(() -> b.bridge.counters().get(Counter.RECEIVED_MALFORMED) == 1, "malformed payload counted");
        // An expired compact message in one SMS.
        AgreementKeyPair alice = AgreementKeyPair.generate(random);
        byte[] old = new CompactSealer(alice, random).seal(AgreementKeyPair.generate(random).publicKey(),
                new byte[] {0x00, 'h', 'i'}, System.currentTimeMillis() - 2 * DAY, 1);
        assertThat(smsc.deliverRaw("relay-b", NUMBER_A.digitsOnly(), (byte) 0, (byte) 0x04, old)).isZero();
        await(() -> b.bridge.counters().get(Counter.RECEIVED_EXPIRED) == 1, "expired payload counted");
        b.bridge.tick().get(5, TimeUnit.SECONDS);
        assertThat(b.envelopes).isEmpty();
        assertThat(b.compact).isEmpty();
        assertThat(b.bridge.counters().get(Counter.RESEND_REQUESTS_SENT)).isZero();
    }

    @Test
    void anSmsTheBridgeCannotStoreIsLeftForTheSmscToDeliverAgain() throws Exception {
        b.store.close(); // the disk is gone
        byte[] envelope = sealedEnvelope(AgreementKeyPair.generate(random), 10);
        int status = smsc.deliverRaw("relay-b", NUMBER_A.digitsOnly(), (byte) 0, (byte) 0x04,
                java.util.Arrays.copyOf(envelope, 140));
        assertThat(status).isEqualTo(org.jsmpp.SMPPConstant.STAT_ESME_RX_T_APPN);
    }

    @Test
    void theSamePayloadTwiceIsDeliveredOnce() throws Exception {
        byte[] envelope = sealedEnvelope(AgreementKeyPair.generate(random), 50);
        a.bridge.submit(envelope, NUMBER_B, "p").get(5, TimeUnit.SECONDS);
        a.bridge.submit(envelope, NUMBER_B, "p").get(5, TimeUnit.SECONDS);
        await(() -> b.bridge.counters().get(Counter.RECEIVED_DUPLICATE) == 1, "duplicate seen");
        assertThat(b.envelopes).hasSize(1);
    }

    @Test
    void oversizedExpiredMalformedAndOverBudgetPayloadsAreRefused() throws Exception {
        AgreementKeyPair r = AgreementKeyPair.generate(random);
        assertThat(a.bridge.submit(sealedEnvelope(r, 2200), NUMBER_B, "p").get(5, TimeUnit.SECONDS))
                .isEqualTo(SubmitResult.REFUSED_TOO_LARGE);
        EnvelopeSealer sealer = new EnvelopeSealer(SigningKeyPair.generate(random), AgreementKeyPair.generate(random),
                random);
        byte[] expired = sealer.seal(r.publicKey(), new byte[1], 1_000L, 2_000L);
        assertThat(a.bridge.submit(expired, NUMBER_B, "p").get(5, TimeUnit.SECONDS))
                .isEqualTo(SubmitResult.REFUSED_EXPIRED);
        assertThat(a.bridge.submit("hello".getBytes(StandardCharsets.UTF_8), NUMBER_B, "p").get(5, TimeUnit.SECONDS))
                .isEqualTo(SubmitResult.REFUSED_MALFORMED);
        byte[] big = sealedEnvelope(r, 1900); // 16 segments
        for (int i = 0; i < 3; i++) {
            assertThat(a.bridge.submit(big, NUMBER_B, "greedy").get(5, TimeUnit.SECONDS))
                    .isEqualTo(SubmitResult.QUEUED);
        }
        assertThat(a.bridge.submit(big, NUMBER_B, "greedy").get(5, TimeUnit.SECONDS))
                .isEqualTo(SubmitResult.REFUSED_ORIGIN_BUDGET);
        assertThat(a.bridge.submit(sealedEnvelope(r, 10), NUMBER_B, "modest").get(5, TimeUnit.SECONDS))
                .isEqualTo(SubmitResult.QUEUED);
    }

    @Test
    void theDailyBudgetCapsAllOrigins() throws Exception {
        a.close();
        a = new Relay("relay-a2", NUMBER_A, new SmsBridgeConfig(3, 3, 200, 16, Duration.ofMillis(300), 2,
                Duration.ofSeconds(30), 5, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMillis(50), 20,
                Duration.ofHours(1)), smsc.port());
        AgreementKeyPair r = AgreementKeyPair.generate(random);
        assertThat(a.bridge.submit(sealedEnvelope(r, 10), NUMBER_B, "x").get(5, TimeUnit.SECONDS))
                .isEqualTo(SubmitResult.QUEUED);
        assertThat(a.bridge.submit(sealedEnvelope(r, 10), NUMBER_B, "y").get(5, TimeUnit.SECONDS))
                .isEqualTo(SubmitResult.REFUSED_DAILY_BUDGET);
    }

    @Test
    void queuedSmsSurviveARestartOfTheRelay() throws Exception {
        smsc.route(NUMBER_B.digitsOnly(), "nobody-yet");
        a.close();
        // A relay whose SMSC is unreachable: everything stays queued on disk.
        SmsStore store = SmsStore.open(dir.resolve("offline.db"));
        SmsBridge offline = new SmsBridge(new SmppGateway(SmppConfig.of("127.0.0.1", 1, "relay-a", "pw",
                NUMBER_A.digitsOnly())), store, fastConfig(), new SmsPayloadSink() {
                    @Override
                    public void envelopeReceived(byte[] envelope) {
                    }

                    @Override
                    public void compactReceived(byte[] message) {
                    }
                }, Clock.systemUTC());
        offline.start();
        byte[] envelope = sealedEnvelope(AgreementKeyPair.generate(random), 300);
        assertThat(offline.submit(envelope, NUMBER_B, "p").get(5, TimeUnit.SECONDS)).isEqualTo(SubmitResult.QUEUED);
        assertThat(offline.pendingSegments().get(5, TimeUnit.SECONDS)).isEqualTo(4);
        offline.close();
        store.close();
        // Same file, now with a reachable SMSC.
        Files.copy(dir.resolve("offline.db"), dir.resolve("relay-a.db"), StandardCopyOption.REPLACE_EXISTING);
        smsc.route(NUMBER_B.digitsOnly(), "relay-b");
        a = new Relay("relay-a", NUMBER_A, fastConfig(), smsc.port());
        assertThat(b.envelopes.poll(15, TimeUnit.SECONDS)).isEqualTo(envelope);
    }
}

package org.habarshy.relay.sms.gateway.modem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.CompactOpener;
import org.habarshy.core.crypto.CompactSealer;
import org.habarshy.relay.sms.SmsBridge;
import org.habarshy.relay.sms.SmsBridgeConfig;
import org.habarshy.core.testing.SmsCorpus;
import org.habarshy.relay.sms.SmsPayloadSink;
import org.habarshy.relay.sms.SmsTextMessages;
import org.habarshy.relay.sms.SubmitResult;
import org.habarshy.core.compact.CompactTextCodec;
import org.habarshy.core.compact.CompressionDictionaries;
import org.habarshy.core.compact.SmsCharset;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.store.SmsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two SMS bridges over GSM modems (emulated on socat pty pairs): the bridge is the same whatever the gateway. */
class SmsBridgeModemTest {
    private static final PhoneNumber A = PhoneNumber.parse("+77010000001");
    private static final PhoneNumber B = PhoneNumber.parse("+77010000002");

    @TempDir
    Path dir;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<Process> socats = new ArrayList<>();

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

    private SmsBridge bridge(String name, Path port, BlockingQueue<byte[]> compact) throws Exception {
        SmsStore store = SmsStore.open(dir.resolve(name + ".db"));
        SmsBridge bridge = new SmsBridge(new ModemGateway(new ModemConfig(port, 115_200, Duration.ofSeconds(5),
                false)), store, SmsBridgeConfig.defaults(), new SmsPayloadSink() {
                    @Override
                    public void envelopeReceived(byte[] envelope) {
                    }

                    @Override
                    public void compactReceived(byte[] message) {
                        compact.add(message);
                    }
                }, Clock.systemUTC());
        closeables.add(0, store);
        closeables.add(0, bridge);
        bridge.start();
        return bridge;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        for (Process p : socats) {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRussianTextTravelsBetweenTwoModemRelaysAndOpens() throws Exception {
        Assumptions.assumeTrue(socatAvailable(), "socat is not installed (Debian package socat)");
        Path[] a = ptyPair("a");
        Path[] b = ptyPair("b");
        ModemEmulator modemA = new ModemEmulator(a[0]);
        ModemEmulator modemB = new ModemEmulator(b[0]);
        closeables.add(modemA);
        closeables.add(modemB);
        modemA.onSubmit(pdu -> {
            try {
                modemB.deliver(ModemEmulator.deliverFromSubmit(pdu, A.digitsOnly()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        BlockingQueue<byte[]> atB = new LinkedBlockingQueue<>();
        SmsBridge relayA = bridge("relay-a", a[1], new LinkedBlockingQueue<>());
        bridge("relay-b", b[1], atB);

        SecureRandom random = new SecureRandom();
        AgreementKeyPair alice = AgreementKeyPair.generate(random);
        AgreementKeyPair bob = AgreementKeyPair.generate(random);
        CompactTextCodec codec = new CompactTextCodec(new SmsCharset(), CompressionDictionaries.builtIn());
        String text = SmsCorpus.messages("ru").get(14); // one of the longest once compressed: 2 SMS
        byte[] message = new SmsTextMessages(codec, new CompactSealer(alice, random), new CompactOpener(alice))
                .seal(bob.publicKey(), text, System.currentTimeMillis());

        assertThat(relayA.submit(message, B, "alice").get(10, TimeUnit.SECONDS)).isEqualTo(SubmitResult.QUEUED);
        byte[] received = atB.poll(20, TimeUnit.SECONDS);
        assertThat(received).isEqualTo(message);
        assertThat(new SmsTextMessages(codec, new CompactSealer(bob, random), new CompactOpener(bob))
                .open(received, List.of(alice.publicKey())).orElseThrow().text()).isEqualTo(text);
        assertThat(modemA.submitted()).hasSize(message.length > 140 ? 2 : 1);
    }

    private static boolean socatAvailable() {
        try {
            return new ProcessBuilder("socat", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}

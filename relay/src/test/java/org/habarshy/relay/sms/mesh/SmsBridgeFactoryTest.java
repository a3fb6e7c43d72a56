package org.habarshy.relay.sms.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.habarshy.core.compact.CompactCarrier;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.CompactSealer;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.node.Account;
import org.habarshy.relay.daemon.BridgeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The factory's decision to start, and the sink's handling of envelopes the core refuses, on a real account. */
class SmsBridgeFactoryTest {
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void isFoundThroughServiceLoader() {
        assertThat(ServiceLoader.load(BridgeFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(SmsBridgeFactory.class);
    }

    @Test
    void startsNothingWithoutSmsKeysAndRefusesBridgeKeysWithoutAGateway() throws Exception {
        try (Account account = Account.create(dir.resolve("relay"), "relay", Clock.systemUTC())) {
            SmsBridgeFactory factory = new SmsBridgeFactory();
            assertThat(factory.start(Map.of(), dir, account, null)).isEmpty();
            assertThat(factory.start(Map.of("sms.test-bridge", "on"), dir, account, null)).isEmpty();
            assertThatThrownBy(() -> factory.start(Map.of("sms.peer.almaty", "+77010000022"), dir, account, null))
                    .hasMessage("config key sms.peer.almaty is given but sms.gateway is missing")
                    .hasMessageNotContaining("7701");
            assertThat(dir.resolve("sms.db")).doesNotExist();
        }
    }

    @Test
    void anEnvelopeTheCoreRefusesIsCountedAndDroppedAndAGoodOneIsCarriedAsIsACompactMessageInItsCarrier() throws Exception {
        try (Account account = Account.create(dir.resolve("relay"), "relay", Clock.systemUTC())) {
            MeshSink sink = new MeshSink(account);
            long now = System.currentTimeMillis();
            EnvelopeSealer sealer = new EnvelopeSealer(SigningKeyPair.generate(random),
                    AgreementKeyPair.generate(random), random);
            byte[] fromTheFuture = sealer.seal(AgreementKeyPair.generate(random).publicKey(), new byte[] {1},
                    now + Duration.ofDays(2).toMillis(), now + Duration.ofDays(3).toMillis());
            byte[] good = sealer.seal(AgreementKeyPair.generate(random).publicKey(), new byte[] {2}, now,
                    now + Duration.ofDays(1).toMillis());
            sink.envelopeReceived(fromTheFuture);
            sink.envelopeReceived(good);
            sink.envelopeReceived(good);
            sink.compactReceived(new byte[] {(byte) 0xC1});
            byte[] compact = new CompactSealer(AgreementKeyPair.generate(random), random)
                    .seal(AgreementKeyPair.generate(random).publicKey(), new byte[] {0x00, 'h', 'i'}, now, 24);
            sink.compactReceived(compact);
            sink.compactReceived(compact);
            assertThat(sink.refused()).isEqualTo(2);
            assertThat(sink.carried()).isEqualTo(1);
            assertThat(sink.compactCarried()).isEqualTo(1);
            assertThat(sink.alreadyHeld()).isEqualTo(2);
            assertThat(account.carriedAfter(0, 10)).extracting(e -> e.bytes()).containsExactly(good,
                    CompactCarrier.wrap(compact));
        }
    }
}

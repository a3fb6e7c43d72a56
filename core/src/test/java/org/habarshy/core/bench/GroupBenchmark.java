package org.habarshy.core.bench;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.RatchetSession;
import org.habarshy.core.crypto.SenderKeyChain;
import org.habarshy.core.crypto.SenderKeyException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of a private-group message (docs/PROTOCOL.md §11.5) against a 1:1 ratchet message of the same size: the
 * author's encrypt + sign (paid once for the whole group), one member's verify + decrypt, and the ratchet's encrypt +
 * decrypt for comparison (a 1:1 message, which a group without sender keys would pay per member). Also restoring and
 * saving a chain state (done around every message, in the store transaction). Run with
 * {@code scripts/bench-jmh.sh GroupBenchmark}; results in docs/BENCHMARKS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GroupBenchmark {
    private static final long NOW = 1_800_000_000_000L;
    private static final long EXPIRES = NOW + 7L * 24 * 3600 * 1000;

    /** A sender chain and one member's copy of it, a ratchet pair, and a body of one size. */
    @State(Scope.Thread)
    public static class Chains {
        @Param({"200", "65536"})
        int size;

        final SecureRandom random = new SecureRandom();
        byte[] body;
        byte[] tag;
        SenderKeyChain sender;
        SenderKeyChain receiver;
        byte[] savedReceiver;
        RatchetSession alice;
        RatchetSession bob;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException, SenderKeyException {
            body = new byte[size];
            random.nextBytes(body);
            sender = SenderKeyChain.generate(random);
            receiver = SenderKeyChain.fromDistribution(sender.chainKey(), sender.iteration(), sender.signingKey());
            tag = SenderKeyChain.chainTag(new byte[32], 0, sender.signingKey());
            receiver.decrypt(sender.encrypt(tag, NOW, EXPIRES, body), NOW);
            savedReceiver = receiver.serialize();
            AgreementKeyPair aliceId = AgreementKeyPair.generate(random);
            AgreementKeyPair bobId = AgreementKeyPair.generate(random);
            alice = RatchetSession.start(aliceId, bobId.publicKey(), random);
            bob = RatchetSession.accept(bobId, aliceId.publicKey(), alice.encrypt(new byte[1]), NOW, random)
                    .session();
            alice.decrypt(bob.encrypt(new byte[1]), NOW);
        }
    }

    /** The author's side of one group message: chain step, HKDF, AEAD over the padded body, Ed25519 signature. */
    @Benchmark
    public byte[] groupEncryptSign(Chains c) {
        return c.sender.encrypt(c.tag, NOW, EXPIRES, c.body);
    }

    /** One message end to end: the author encrypts and signs, one member verifies and decrypts. */
    @Benchmark
    public byte[] groupEncryptVerifyDecrypt(Chains c) throws SenderKeyException {
        return c.receiver.decrypt(c.sender.encrypt(c.tag, NOW, EXPIRES, c.body), NOW);
    }

    /** The 1:1 baseline: one ratchet message along a chain, encrypt at one side, decrypt at the other. */
    @Benchmark
    public byte[] ratchetEncryptDecrypt(Chains c) throws GeneralSecurityException {
        return c.bob.decrypt(c.alice.encrypt(c.body), NOW);
    }

    /** Restoring and saving a member's chain state (no skipped keys), as the node does around every message. */
    @Benchmark
    public byte[] chainRestoreSave(Chains c) throws SenderKeyException {
        return SenderKeyChain.restore(c.savedReceiver).serialize();
    }
}

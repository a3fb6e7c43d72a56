package org.habarshy.core.bench;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.BenchPrimitives;
import org.habarshy.core.crypto.RatchetSession;
import org.habarshy.core.crypto.StorageCipher;
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
 * Cost of the Double Ratchet (docs/PROTOCOL.md §3.2) as the node runs it, next to the raw ChaCha20-Poly1305 it
 * wraps: one message through a chain (encrypt + decrypt), a full turn (both sides send once, so two DH ratchet
 * steps), saving and restoring a session state (done around every step), and sealing/opening a database field.
 * Run with {@code scripts/bench-jmh.sh RatchetBenchmark}; results in docs/BENCHMARKS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RatchetBenchmark {
    private static final long NOW = 1_800_000_000_000L;

    /** Two sessions talking, and inputs of one size: 200 bytes (a short text) or 64 KiB (the longest text). */
    @State(Scope.Thread)
    public static class Pair {
        @Param({"200", "65536"})
        int size;

        final SecureRandom random = new SecureRandom();
        byte[] plaintext;
        byte[] key = new byte[BenchPrimitives.AEAD_KEY_BYTES];
        byte[] nonce = new byte[BenchPrimitives.AEAD_NONCE_BYTES];
        byte[] aad = new byte[64 + 50];
        RatchetSession alice;
        RatchetSession bob;
        byte[] savedBob;
        StorageCipher storage;
        byte[] context = new byte[46];

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException {
            plaintext = new byte[size];
            random.nextBytes(plaintext);
            random.nextBytes(key);
            random.nextBytes(nonce);
            AgreementKeyPair aliceId = AgreementKeyPair.generate(random);
            AgreementKeyPair bobId = AgreementKeyPair.generate(random);
            alice = RatchetSession.start(aliceId, bobId.publicKey(), random);
            bob = RatchetSession.accept(bobId, aliceId.publicKey(), alice.encrypt(new byte[1]), NOW, random)
                    .session();
            alice.decrypt(bob.encrypt(new byte[1]), NOW);
            savedBob = bob.serialize();
            storage = StorageCipher.of(aliceId, random);
        }
    }

    /** Raw AEAD seal + open of the same plaintext: the floor under one ratchet message. */
    @Benchmark
    public byte[] aeadSealOpen(Pair p) throws GeneralSecurityException {
        return BenchPrimitives.aeadOpen(p.key, p.nonce, p.aad, BenchPrimitives.aeadSeal(p.key, p.nonce, p.aad,
                p.plaintext));
    }

    /** One message along a chain: encrypt at Alice, decrypt at Bob (KDF_CK, HKDF, AEAD on each side). */
    @Benchmark
    public byte[] ratchetEncryptDecrypt(Pair p) throws GeneralSecurityException {
        return p.bob.decrypt(p.alice.encrypt(p.plaintext), NOW);
    }

    /** One turn: Alice sends, Bob answers; each decryption is a DH ratchet step (two X25519 and two HKDF). */
    @Benchmark
    public byte[] ratchetTurn(Pair p) throws GeneralSecurityException {
        p.bob.decrypt(p.alice.encrypt(p.plaintext), NOW);
        return p.alice.decrypt(p.bob.encrypt(p.plaintext), NOW);
    }

    /** Restoring and saving a session, as the node does around every step (no skipped keys). */
    @Benchmark
    public byte[] sessionRestoreSave(Pair p) throws GeneralSecurityException {
        return RatchetSession.restore(p.savedBob, p.random).serialize();
    }

    /** Sealing and opening a database field (message text at rest) of the same size. */
    @Benchmark
    public byte[] storageSealOpen(Pair p) throws GeneralSecurityException {
        return p.storage.open(p.context, p.storage.seal(p.context, p.plaintext));
    }
}

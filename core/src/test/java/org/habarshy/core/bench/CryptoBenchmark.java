package org.habarshy.core.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.BenchPrimitives;
import org.habarshy.core.crypto.DomainLabels;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.NoiseHandshake;
import org.habarshy.core.crypto.NoiseTransport;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.crypto.SignatureVerifier;
import org.habarshy.core.crypto.SigningKeyPair;
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
 * Cost of the envelope layer (seal, open, and the trial-decryption reject every carried envelope pays) next to
 * the primitives it is built from, and of the link layer (Noise XX handshake, transport encrypt+decrypt).
 * Everything goes through the project's own classes, as the node calls them. Run with
 * {@code scripts/bench-jmh.sh CryptoBenchmark}; results in docs/BENCHMARKS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CryptoBenchmark {
    private static final byte[] PROLOGUE = DomainLabels.LINK_PROLOGUE.getBytes(StandardCharsets.UTF_8);
    private static final long CREATED_AT = 1_800_000_000_000L;
    private static final long EXPIRES_AT = CREATED_AT + TimeUnit.DAYS.toMillis(7);

    /** Keys and inputs that do not depend on a size. */
    @State(Scope.Thread)
    public static class Keys {
        final SecureRandom random = new SecureRandom();
        AgreementKeyPair local;
        byte[] peerPublic;
        AgreementKeyPair initiatorStatic;
        AgreementKeyPair responderStatic;

        @Setup(Level.Trial)
        public void setUp() {
            local = AgreementKeyPair.generate(random);
            peerPublic = AgreementKeyPair.generate(random).publicKey().bytes();
            initiatorStatic = AgreementKeyPair.generate(random);
            responderStatic = AgreementKeyPair.generate(random);
        }
    }

    /** Inputs of one size: 200 bytes (a short text) or 64 KiB (the largest text message). */
    @State(Scope.Thread)
    public static class Sized {
        @Param({"200", "65536"})
        int size;

        final SecureRandom random = new SecureRandom();
        byte[] content;
        EnvelopeSealer sealer;
        AgreementKey recipientPublic;
        EnvelopeOpener recipientOpener;
        EnvelopeOpener bystanderOpener;
        byte[] envelope;
        SigningKeyPair signer;
        byte[] signature;
        byte[] aeadKey;
        byte[] aeadNonce;
        byte[] aeadCiphertext;
        NoiseTransport initiatorTransport;
        NoiseTransport responderTransport;
        Cipher jdkCipher;
        SecretKeySpec jdkKey;
        byte[] jdkNonce;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException {
            content = new byte[size];
            random.nextBytes(content);
            signer = SigningKeyPair.generate(random);
            sealer = new EnvelopeSealer(signer, AgreementKeyPair.generate(random), random);
            AgreementKeyPair recipient = AgreementKeyPair.generate(random);
            recipientPublic = recipient.publicKey();
            recipientOpener = new EnvelopeOpener(recipient);
            bystanderOpener = new EnvelopeOpener(AgreementKeyPair.generate(random));
            envelope = sealer.seal(recipientPublic, content, CREATED_AT, EXPIRES_AT);
            signature = signer.sign(content);
            aeadKey = new byte[BenchPrimitives.AEAD_KEY_BYTES];
            random.nextBytes(aeadKey);
            aeadNonce = new byte[BenchPrimitives.AEAD_NONCE_BYTES];
            aeadCiphertext = BenchPrimitives.aeadSeal(aeadKey, aeadNonce, new byte[0], content);
            NoiseTransport[] pair = handshake(AgreementKeyPair.generate(random), AgreementKeyPair.generate(random),
                    random);
            initiatorTransport = pair[0];
            responderTransport = pair[1];
            jdkCipher = Cipher.getInstance("ChaCha20-Poly1305");
            jdkKey = new SecretKeySpec(aeadKey, "ChaCha20");
            jdkNonce = new byte[BenchPrimitives.AEAD_NONCE_BYTES];
        }
    }

    // ---- envelope layer ----

    /** Seals {@code size} bytes of content: X25519 keygen + agreement, HKDF, Ed25519 sign, AEAD. */
    @Benchmark
    public byte[] envelopeSeal(Sized s) {
        return s.sealer.seal(s.recipientPublic, s.content, CREATED_AT, EXPIRES_AT);
    }

    /** Opens an envelope addressed to us: X25519, HKDF, AEAD, Ed25519 verify, id hash. */
    @Benchmark
    public Optional<OpenedEnvelope> envelopeOpenForUs(Sized s) throws Exception {
        return s.recipientOpener.open(s.envelope);
    }

    /** Trial-opens an envelope for someone else (a carried envelope): X25519, HKDF, AEAD tag failure. */
    @Benchmark
    public Optional<OpenedEnvelope> envelopeOpenNotForUs(Sized s) throws Exception {
        Optional<OpenedEnvelope> opened = s.bystanderOpener.open(s.envelope);
        if (opened.isPresent()) {
            throw new AssertionError("a bystander opened the envelope");
        }
        return opened;
    }

    // ---- primitives ----

    /** One X25519 scalar multiplication with a fixed key pair. */
    @Benchmark
    public byte[] x25519Agree(Keys k) throws GeneralSecurityException {
        return BenchPrimitives.agree(k.local, k.peerPublic);
    }

    /** Ed25519 signature of {@code size} bytes. */
    @Benchmark
    public byte[] ed25519Sign(Sized s) {
        return s.signer.sign(s.content);
    }

    /** Strict Ed25519 verification (full public-key validation included) of {@code size} bytes. */
    @Benchmark
    public void ed25519Verify(Sized s) throws GeneralSecurityException {
        SignatureVerifier.verify(s.signer.publicKey(), s.content, s.signature);
    }

    /** ChaCha20-Poly1305 encryption of {@code size} bytes (one-shot, fresh cipher object as in the code). */
    @Benchmark
    public byte[] chacha20Poly1305Seal(Sized s) {
        return BenchPrimitives.aeadSeal(s.aeadKey, s.aeadNonce, new byte[0], s.content);
    }

    /** ChaCha20-Poly1305 decryption and tag check of {@code size} bytes. */
    @Benchmark
    public byte[] chacha20Poly1305Open(Sized s) throws GeneralSecurityException {
        return BenchPrimitives.aeadOpen(s.aeadKey, s.aeadNonce, new byte[0], s.aeadCiphertext);
    }

    /**
     * Reference only, not used by the node: the JDK's own ChaCha20-Poly1305 (SunJCE) over {@code size} bytes,
     * to compare with Bouncy Castle's on the running JVM (newer JDKs have intrinsics for it). A fresh nonce per
     * call, as the JCE refuses to reuse one.
     */
    @Benchmark
    public byte[] jdkChaCha20Poly1305Seal(Sized s) throws GeneralSecurityException {
        s.jdkNonce[0]++;
        if (s.jdkNonce[0] == 0) {
            s.jdkNonce[1]++;
        }
        s.jdkCipher.init(Cipher.ENCRYPT_MODE, s.jdkKey, new IvParameterSpec(s.jdkNonce));
        return s.jdkCipher.doFinal(s.content);
    }

    // ---- link layer ----

    /** A full Noise XX handshake, both sides, three messages with LinkHello-sized payloads, and Split. */
    @Benchmark
    public NoiseTransport[] noiseHandshake(Keys k) throws GeneralSecurityException {
        return handshake(k.initiatorStatic, k.responderStatic, k.random);
    }

    /** One link frame of {@code size} bytes encrypted by one side and decrypted by the other. */
    @Benchmark
    public byte[] noiseTransportRoundTrip(Sized s) throws GeneralSecurityException {
        return s.responderTransport.decrypt(s.initiatorTransport.encrypt(s.content));
    }

    private static final byte[] HELLO = {0x08, 0x01};

    static NoiseTransport[] handshake(AgreementKeyPair initiatorStatic, AgreementKeyPair responderStatic,
                                      SecureRandom random) throws GeneralSecurityException {
        NoiseHandshake initiator = NoiseHandshake.initiator(initiatorStatic, PROLOGUE, random);
        NoiseHandshake responder = NoiseHandshake.responder(responderStatic, PROLOGUE, random);
        responder.readMessage(initiator.writeMessage(new byte[0]));
        initiator.readMessage(responder.writeMessage(HELLO));
        responder.readMessage(initiator.writeMessage(HELLO));
        return new NoiseTransport[] {initiator.split(), responder.split()};
    }
}

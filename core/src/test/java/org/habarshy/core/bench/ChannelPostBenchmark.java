package org.habarshy.core.bench;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.crypto.ChannelPostFormat;
import org.habarshy.core.crypto.InvalidChannelPostException;
import org.habarshy.core.crypto.OpenedChannelPost;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.crypto.SubscriberSecret;
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
 * Cost of channel posts (docs/PROTOCOL.md §12): signing a post (public, and private with its encryption and tag),
 * opening one (signature verification, and for a private post tag check and decryption), and the tag check alone,
 * which a subscriber pays per post per followed private channel. Texts of 200 bytes (a typical alert) and 4096 bytes
 * (the longest). Run with {@code scripts/bench-jmh.sh ChannelPostBenchmark}; results in docs/BENCHMARKS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChannelPostBenchmark {
    private static final long NOW = 1_800_000_000_000L;

    /** A channel key pair, a subscriber secret and one public and one private post of the chosen text size. */
    @State(Scope.Thread)
    public static class Posts {
        @Param({"200", "4096"})
        int size;

        final SecureRandom random = new SecureRandom();
        SigningKeyPair channel;
        SubscriberSecret secret;
        String text;
        byte[] publicPost;
        byte[] privatePost;
        byte[] tag;

        @Setup(Level.Trial)
        public void setUp() throws InvalidChannelPostException {
            channel = SigningKeyPair.generate(random);
            secret = SubscriberSecret.generate(random);
            text = "a".repeat(size);
            publicPost = sign(this, Optional.empty());
            privatePost = sign(this, Optional.of(secret));
            tag = ChannelPostFormat.channelField(privatePost);
        }
    }

    private static byte[] sign(Posts p, Optional<SubscriberSecret> secret) {
        return ChannelPostFormat.seal(p.channel, secret, NOW, ChannelPostFormat.SEVERITY_URGENT, p.text, NOW,
                NOW + 86_400_000L, p.random);
    }

    /** Signs a public post: one Ed25519 signature over the post. */
    @Benchmark
    public byte[] signPublic(Posts p) {
        return sign(p, Optional.empty());
    }

    /** Signs a private post: tag (HKDF-derived HMAC), HKDF, ChaCha20-Poly1305, Ed25519 signature. */
    @Benchmark
    public byte[] signPrivate(Posts p) {
        return sign(p, Optional.of(p.secret));
    }

    /** Opens a public post: frame checks, strict Ed25519 verification, payload and UTF-8 checks. */
    @Benchmark
    public OpenedChannelPost verifyPublic(Posts p) throws InvalidChannelPostException {
        return ChannelPostFormat.open(p.publicPost, p.channel.publicKey(), Optional.empty());
    }

    /** Opens a private post: tag check, verification, then HKDF and ChaCha20-Poly1305 decryption. */
    @Benchmark
    public OpenedChannelPost verifyDecryptPrivate(Posts p) throws InvalidChannelPostException {
        return ChannelPostFormat.open(p.privatePost, p.channel.publicKey(), Optional.of(p.secret));
    }

    /** The tag check alone: what a subscriber pays per post per followed private channel to find its posts. */
    @Benchmark
    public boolean tagCheck(Posts p) {
        return p.secret.matchesTag(p.tag);
    }
}

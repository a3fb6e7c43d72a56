package org.habarshy.core.crypto;

import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.habarshy.core.api.identity.IdentityKey;

/** An Ed25519 key pair: a user's long-term identity. The private seed never appears in {@link #toString()}. */
public final class SigningKeyPair {
    /** Length of the private seed. */
    public static final int SEED_BYTES = Ed25519.SECRET_KEY_SIZE;
    /** Length of a signature. */
    public static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_SIZE;

    private final byte[] seed;
    private final byte[] publicKey;
    private final IdentityKey identityKey;

    private SigningKeyPair(byte[] seed) {
        this.seed = seed;
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        this.identityKey = new IdentityKey(publicKey);
    }

    /** Returns a new key pair whose seed is drawn from {@code random}. */
    public static SigningKeyPair generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] seed = new byte[SEED_BYTES];
        Ed25519.generatePrivateKey(random, seed);
        return new SigningKeyPair(seed);
    }

    /** Returns the key pair for a 32-byte RFC 8032 private seed; throws IllegalArgumentException otherwise. */
    public static SigningKeyPair fromSeed(byte[] seed32) {
        Objects.requireNonNull(seed32, "seed32");
        if (seed32.length != SEED_BYTES) {
            throw new IllegalArgumentException("Ed25519 seed must be " + SEED_BYTES + " bytes");
        }
        return new SigningKeyPair(seed32.clone());
    }

    /** Returns the public key. */
    public IdentityKey publicKey() {
        return identityKey;
    }

    /** Returns the 64-byte pure Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        byte[] signature = new byte[SIGNATURE_BYTES];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /** Returns a copy of the 32-byte private seed; only for writing the identity key file. */
    public byte[] exportSeed() {
        return seed.clone();
    }

    /** Returns a description naming only the public key. */
    @Override
    public String toString() {
        return "SigningKeyPair[" + identityKey + "]";
    }
}

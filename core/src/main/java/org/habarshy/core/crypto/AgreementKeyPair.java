package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.habarshy.core.api.identity.AgreementKey;

/** An X25519 key pair. The private key never appears in {@link #toString()}. */
public final class AgreementKeyPair {
    /** Length of a private key. */
    public static final int PRIVATE_KEY_BYTES = X25519.SCALAR_SIZE;
    /** Length of a public key and of a shared secret. */
    public static final int PUBLIC_KEY_BYTES = X25519.POINT_SIZE;

    private final byte[] privateKey;
    private final AgreementKey publicKey;
    private boolean destroyed;

    private AgreementKeyPair(byte[] privateKey) {
        this.privateKey = privateKey;
        byte[] pub = new byte[PUBLIC_KEY_BYTES];
        X25519.scalarMultBase(privateKey, 0, pub, 0);
        this.publicKey = new AgreementKey(pub);
    }

    /** Returns a new key pair whose (clamped) private key is drawn from {@code random}. */
    public static AgreementKeyPair generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] k = new byte[PRIVATE_KEY_BYTES];
        X25519.generatePrivateKey(random, k);
        return new AgreementKeyPair(k);
    }

    /**
     * Returns the key pair for a 32-byte private key, kept exactly as given; clamping happens inside every
     * scalar multiplication (RFC 7748). Throws IllegalArgumentException if not 32 bytes.
     */
    public static AgreementKeyPair fromPrivateKey(byte[] private32) {
        Objects.requireNonNull(private32, "private32");
        if (private32.length != PRIVATE_KEY_BYTES) {
            throw new IllegalArgumentException("X25519 private key must be " + PRIVATE_KEY_BYTES + " bytes");
        }
        return new AgreementKeyPair(private32.clone());
    }

    /** Returns the public key. */
    public AgreementKey publicKey() {
        return publicKey;
    }

    /** Returns a copy of the 32-byte private key; only for writing the identity key file. */
    public byte[] exportPrivateKey() {
        checkNotDestroyed();
        return privateKey.clone();
    }

    /**
     * Returns X25519(private, peerPublic32). Throws InvalidKeyException if the result is all zero, which
     * happens exactly when the peer key is a low-order point.
     */
    byte[] agree(byte[] peerPublic32) throws GeneralSecurityException {
        Objects.requireNonNull(peerPublic32, "peerPublic32");
        if (peerPublic32.length != PUBLIC_KEY_BYTES) {
            throw new IllegalArgumentException("X25519 public key must be " + PUBLIC_KEY_BYTES + " bytes");
        }
        checkNotDestroyed();
        byte[] shared = new byte[PUBLIC_KEY_BYTES];
        if (!X25519.calculateAgreement(privateKey, 0, peerPublic32, 0, shared, 0)) {
            throw new InvalidKeyException("X25519 produced an all-zero shared secret");
        }
        return shared;
    }

    /** Zeroes the private key of an ephemeral key pair once it is no longer needed; later use throws. */
    void destroy() {
        Arrays.fill(privateKey, (byte) 0);
        destroyed = true;
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("key pair was destroyed");
        }
    }

    /** Returns a description naming only the public key. */
    @Override
    public String toString() {
        return "AgreementKeyPair[" + publicKey + "]";
    }
}

package org.habarshy.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The 32-byte secret shared by the subscribers of a private channel (docs/PROTOCOL.md §12). From it derive the
 * tag key, {@code HKDF(ikm = secret, salt = empty, info = UTF8("habarshy/v1/channel-tag"), 32)}, and per post the
 * key and nonce, {@code HKDF(ikm = secret, salt = tag nonce, info = UTF8("habarshy/v1/channel-post-key"), 44)}.
 * A post's 32-byte channel field is {@code nonce (16, random) || HMAC-SHA256(tag key, nonce)[0..16)}: it changes
 * with every post, so carriers cannot tell which posts belong to the same channel. The secret never appears in
 * {@link #toString()}.
 */
public final class SubscriberSecret {
    /** Length of the secret. */
    public static final int BYTES = 32;
    /** Length of the random nonce at the start of a tag. */
    static final int TAG_NONCE_BYTES = 16;
    /** Length of a tag: the channel field of a private post. */
    static final int TAG_BYTES = 32;

    private final byte[] secret;
    private final byte[] tagKey;

    private SubscriberSecret(byte[] secret) {
        this.secret = secret;
        this.tagKey = Hkdf.sha256(secret, new byte[0], DomainLabels.CHANNEL_TAG.getBytes(StandardCharsets.UTF_8),
                BYTES);
    }

    /** Returns a new random secret. */
    public static SubscriberSecret generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] secret = new byte[BYTES];
        random.nextBytes(secret);
        return new SubscriberSecret(secret);
    }

    /** Returns the secret of these 32 bytes; throws IllegalArgumentException for another length. */
    public static SubscriberSecret of(byte[] secret32) {
        Objects.requireNonNull(secret32, "secret32");
        if (secret32.length != BYTES) {
            throw new IllegalArgumentException("subscriber secret must be " + BYTES + " bytes");
        }
        return new SubscriberSecret(secret32.clone());
    }

    /** Returns a copy of the secret, for a channel code or the sealed database column. */
    public byte[] export() {
        return secret.clone();
    }

    /** Returns a fresh tag: a random nonce and its HMAC. */
    byte[] newTag(SecureRandom random) {
        byte[] nonce = new byte[TAG_NONCE_BYTES];
        random.nextBytes(nonce);
        return Concatenation.of(nonce, mac(nonce));
    }

    /** Returns true if the 32-byte channel field {@code field} is a tag of this secret (constant-time compare). */
    public boolean matchesTag(byte[] field) {
        if (field == null || field.length != TAG_BYTES) {
            return false;
        }
        byte[] nonce = Arrays.copyOf(field, TAG_NONCE_BYTES);
        return MessageDigest.isEqual(mac(nonce), Arrays.copyOfRange(field, TAG_NONCE_BYTES, TAG_BYTES));
    }

    /** Returns the 44 bytes {@code key (32) || nonce (12)} that encrypt the post whose tag is {@code tag}. */
    byte[] postKeyAndNonce(byte[] tag) {
        byte[] salt = Arrays.copyOf(tag, TAG_NONCE_BYTES);
        return Hkdf.sha256(secret, salt, DomainLabels.CHANNEL_POST_KEY.getBytes(StandardCharsets.UTF_8),
                ChaCha20Poly1305Aead.KEY_BYTES + ChaCha20Poly1305Aead.NONCE_BYTES);
    }

    private byte[] mac(byte[] nonce) {
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(tagKey));
        hmac.update(nonce, 0, nonce.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return Arrays.copyOf(out, TAG_BYTES - TAG_NONCE_BYTES);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubscriberSecret other && MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tagKey);
    }

    /** Returns a description without the secret. */
    @Override
    public String toString() {
        return "SubscriberSecret[hidden]";
    }
}

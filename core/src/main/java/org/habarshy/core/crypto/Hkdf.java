package org.habarshy.core.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF with HMAC-SHA256 (RFC 5869). */
final class Hkdf {
    /** Largest output RFC 5869 allows for SHA-256: 255 blocks of 32 bytes. */
    static final int MAX_OUTPUT_BYTES = 255 * 32;

    private Hkdf() {
    }

    /**
     * Returns {@code length} bytes of HKDF-SHA256 output (extract then expand). An empty salt is equivalent to
     * 32 zero bytes, as RFC 5869 specifies. Throws IllegalArgumentException if length is outside 0..8160.
     */
    static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        Objects.requireNonNull(ikm, "ikm");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(info, "info");
        if (length < 0 || length > MAX_OUTPUT_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 output length must be 0.." + MAX_OUTPUT_BYTES);
        }
        byte[] out = new byte[length];
        if (length == 0) {
            return out;
        }
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt, info));
        generator.generateBytes(out, 0, length);
        return out;
    }
}

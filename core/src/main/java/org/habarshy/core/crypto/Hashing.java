package org.habarshy.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** Domain-separated SHA-256. */
public final class Hashing {
    /** Length of a SHA-256 digest. */
    public static final int SHA256_BYTES = 32;

    private Hashing() {
    }

    /**
     * Returns {@code SHA-256(UTF8(label) || 0x00 || parts[0] || parts[1] || ...)}. The parts are concatenated
     * without length prefixes, so callers must only pass parts whose boundaries are unambiguous (fixed lengths,
     * or at most one variable-length part placed last). The label must be non-empty and free of U+0000.
     */
    public static byte[] sha256(String label, byte[]... parts) {
        Objects.requireNonNull(parts, "parts");
        byte[] labelBytes = encodeLabel(label);
        SHA256Digest digest = new SHA256Digest();
        digest.update(labelBytes, 0, labelBytes.length);
        digest.update((byte) 0x00);
        for (byte[] part : parts) {
            Objects.requireNonNull(part, "part");
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[SHA256_BYTES];
        digest.doFinal(out, 0);
        return out;
    }

    /** Returns the UTF-8 bytes of a label after checking it is non-empty and contains no NUL. */
    static byte[] encodeLabel(String label) {
        Objects.requireNonNull(label, "label");
        if (label.isEmpty() || label.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("label must be non-empty and contain no NUL");
        }
        return label.getBytes(StandardCharsets.UTF_8);
    }
}

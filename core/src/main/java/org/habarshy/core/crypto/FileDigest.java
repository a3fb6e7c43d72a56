package org.habarshy.core.crypto;

import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Plain SHA-256 of a whole file, fed piece by piece (docs/PROTOCOL.md §13: the manifest's {@code sha256}). Not
 * domain-separated on purpose: anyone can check a saved file with {@code sha256sum}. Not thread-safe.
 */
public final class FileDigest {
    private final SHA256Digest digest = new SHA256Digest();

    /** Creates a digest of nothing yet. */
    public FileDigest() {
    }

    /** Adds {@code length} bytes of {@code bytes} from {@code offset}. */
    public void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    /** Adds all of {@code bytes}. */
    public void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    /** Returns the 32-byte hash of everything added and resets the digest. */
    public byte[] finish() {
        byte[] out = new byte[Hashing.SHA256_BYTES];
        digest.doFinal(out, 0);
        return out;
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean matches(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}

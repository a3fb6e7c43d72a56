package org.habarshy.core.sync.reconcile;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 16-byte fingerprint of a range: the first 16 bytes of
 * {@code SHA-256(sum of ids mod 2^256 as 32 little-endian bytes || varint(count))}. Immutable.
 */
public final class Fingerprint {
    private final byte[] bytes;

    private Fingerprint(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of 16 fingerprint bytes. */
    public static Fingerprint of(byte[] bytes) {
        if (bytes.length != ReconcileLimits.FINGERPRINT_BYTES) {
            throw new IllegalArgumentException("fingerprint must be 16 bytes");
        }
        return new Fingerprint(bytes.clone());
    }

    /** Computes the fingerprint of the set summed in {@code sum}, hashing with {@code sha256}. */
    static Fingerprint compute(IdSum sum, MessageDigest sha256) {
        ByteWriter countBytes = new ByteWriter(ReconcileLimits.MAX_VARINT_BYTES);
        countBytes.writeVarint(sum.count());
        sha256.reset();
        sha256.update(sum.toLittleEndian());
        sha256.update(countBytes.toByteArray());
        return new Fingerprint(Arrays.copyOf(sha256.digest(), ReconcileLimits.FINGERPRINT_BYTES));
    }

    /** Returns a copy of the 16 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] rawBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint other && MessageDigest.isEqual(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + HexFormat.of().formatHex(bytes) + "]";
    }
}

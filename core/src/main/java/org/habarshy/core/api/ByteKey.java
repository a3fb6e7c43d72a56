package org.habarshy.core.api;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Base for fixed-length public byte values (keys, ids) with value equality. The bytes are copied
 * in and out, so instances are immutable. {@link #toString()} prints only a short prefix.
 */
public abstract class ByteKey {
    private final byte[] bytes;

    /** Copies {@code bytes}, which must be exactly {@code length} long. */
    protected ByteKey(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes");
        }
        this.bytes = bytes.clone();
    }

    /** Returns a copy of the bytes. */
    public final byte[] bytes() {
        return bytes.clone();
    }

    /** Returns the bytes as lower-case hex. */
    public final String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((ByteKey) o).bytes);
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + hex().substring(0, 8) + "…]";
    }
}

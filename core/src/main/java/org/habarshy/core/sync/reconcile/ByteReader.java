package org.habarshy.core.sync.reconcile;

/**
 * A cursor over a received message that checks every read against the bytes left, so a length
 * from the peer is never trusted before it is known to fit.
 */
final class ByteReader {
    private final byte[] bytes;
    private int position;

    ByteReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int remaining() {
        return bytes.length - position;
    }

    int readByte(String what) throws ReconcileException {
        if (remaining() < 1) {
            throw new ReconcileException("truncated " + what + " at byte " + position);
        }
        return bytes[position++] & 0xFF;
    }

    /** Reads {@code n} bytes after checking they are there. */
    byte[] readBytes(int n, String what) throws ReconcileException {
        if (n < 0 || n > remaining()) {
            throw new ReconcileException("truncated " + what + " at byte " + position + ": need " + n
                    + " bytes, " + remaining() + " left");
        }
        byte[] out = new byte[n];
        System.arraycopy(bytes, position, out, 0, n);
        position += n;
        return out;
    }

    /**
     * Reads an unsigned LEB128 varint of at most {@link ReconcileLimits#MAX_VARINT_BYTES} bytes in its
     * shortest form (no trailing zero group), so every value below 2^63 has exactly one encoding.
     */
    long readVarint(String what) throws ReconcileException {
        long value = 0;
        int start = position;
        for (int i = 0; i < ReconcileLimits.MAX_VARINT_BYTES; i++) {
            int b = readByte(what);
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new ReconcileException("non-minimal varint for " + what + " at byte " + start);
                }
                return value;
            }
        }
        throw new ReconcileException("varint for " + what + " longer than " + ReconcileLimits.MAX_VARINT_BYTES
                + " bytes at byte " + start);
    }

    /** Reads a varint and checks it is at most {@code max}. */
    int readCount(int max, String what) throws ReconcileException {
        long value = readVarint(what);
        if (value > max) {
            throw new ReconcileException(what + " " + value + " exceeds the limit of " + max);
        }
        return (int) value;
    }
}

package org.habarshy.core.sync.reconcile;

import java.util.Arrays;

/** A growable byte buffer with unsigned LEB128 varints and truncation back to an earlier size. */
final class ByteWriter {
    private byte[] buf;
    private int size;

    ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    /** Returns the number of bytes a varint of {@code value} (at least 0) takes. */
    static int varintSize(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative varint: " + value);
        }
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    void writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    void writeBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    /** Writes {@code value} (at least 0) as an unsigned LEB128 varint: 7 bits per byte, low group first. */
    void writeVarint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative varint: " + value);
        }
        ensure(ReconcileLimits.MAX_VARINT_BYTES);
        while ((value & ~0x7FL) != 0) {
            buf[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[size++] = (byte) value;
    }

    int size() {
        return size;
    }

    /** Drops every byte written after the first {@code newSize}. */
    void truncate(int newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("truncate to " + newSize + " of " + size);
        }
        size = newSize;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}

package org.habarshy.core.crypto;

/** Joins byte arrays into one, for fixed-layout messages (envelope plaintext, Noise payloads, signing input). */
final class Concatenation {
    private Concatenation() {
    }

    /** Returns the parts one after another in a new array. */
    static byte[] of(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}

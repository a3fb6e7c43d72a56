package org.habarshy.core.node;

import java.util.Objects;

/**
 * An envelope a node holds, with its position in the store (increasing in storing order).
 *
 * @param seq the store position; pass the last one seen to {@link Account#carriedAfter} to continue
 * @param bytes the envelope bytes exactly as carried (copied in and out)
 */
public record CarriedEnvelope(long seq, byte[] bytes) {
    /** Checks for null and copies the bytes. */
    public CarriedEnvelope {
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    /** Returns a copy of the envelope bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CarriedEnvelope other && seq == other.seq && java.util.Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "CarriedEnvelope[seq=" + seq + ", " + bytes.length + " bytes]";
    }
}

package org.habarshy.core.sync;

import java.util.Objects;

/**
 * Carries one sealed envelope exactly as stored, and how many links it crossed before this one.
 * The receiver recomputes the id from the bytes; nothing here is trusted.
 */
public record EnvelopeRecord(byte[] envelope, int hops) implements SyncRecord {
    /** Copies the bytes. */
    public EnvelopeRecord {
        envelope = Objects.requireNonNull(envelope, "envelope").clone();
        if (hops < 0) {
            throw new IllegalArgumentException("hops: " + hops);
        }
    }

    /** Returns a copy of the envelope bytes. */
    @Override
    public byte[] envelope() {
        return envelope.clone();
    }

    /** Returns the envelope's length in bytes. */
    public int size() {
        return envelope.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvelopeRecord r && r.hops == hops && java.util.Arrays.equals(r.envelope, envelope);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(envelope) + hops;
    }

    @Override
    public String toString() {
        return "EnvelopeRecord[" + envelope.length + " bytes, hops=" + hops + "]";
    }
}

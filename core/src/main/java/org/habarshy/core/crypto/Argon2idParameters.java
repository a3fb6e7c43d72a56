package org.habarshy.core.crypto;

/**
 * Cost parameters of Argon2id (RFC 9106, version 0x13): memory in KiB, passes over that memory, and lanes.
 * Any positive values make a record; {@link #isAcceptable()} says whether Habarshy derives keys with them.
 *
 * @param memoryKiB memory cost {@code m}, in KiB
 * @param iterations time cost {@code t}, passes over the memory
 * @param parallelism degree of parallelism {@code p}, lanes
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {
    /** What new identity files use: 64 MiB, 3 passes, 1 lane (RFC 9106 §4's second option, with one lane). */
    public static final Argon2idParameters DEFAULT = new Argon2idParameters(64 * 1024, 3, 1);
    /**
     * The least accepted: 19 MiB, 2 passes (OWASP's minimum for Argon2id). A file asking for less is refused before
     * any derivation, so no Habarshy keeps using, or re-encrypting under, parameters that make guessing cheap.
     */
    public static final Argon2idParameters FLOOR = new Argon2idParameters(19 * 1024, 2, 1);
    /** The most accepted: 1 GiB, 16 passes, 8 lanes; more is treated as damage, not strength. */
    public static final Argon2idParameters CEILING = new Argon2idParameters(1024 * 1024, 16, 8);

    /** Checks that every parameter is positive. */
    public Argon2idParameters {
        if (memoryKiB < 1 || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id parameters must be positive");
        }
    }

    /** Returns true if every parameter lies between {@link #FLOOR} and {@link #CEILING}, inclusive. */
    public boolean isAcceptable() {
        return isAtLeast(FLOOR) && CEILING.isAtLeast(this);
    }

    private boolean isAtLeast(Argon2idParameters other) {
        return memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism;
    }

    /** Returns e.g. {@code m=65536 KiB, t=3, p=1}. */
    @Override
    public String toString() {
        return "m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism;
    }
}

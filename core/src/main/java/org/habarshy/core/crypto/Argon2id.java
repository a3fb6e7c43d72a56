package org.habarshy.core.crypto;

import java.util.Objects;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id, version 0x13 (RFC 9106), on Bouncy Castle. Checks no policy: {@link PassphraseKey} does. */
final class Argon2id {
    private Argon2id() {
    }

    /**
     * Returns {@code length} bytes of Argon2id output. {@code secret} (K) and {@code associatedData} (X) may be
     * empty; Habarshy's own uses leave them empty, the RFC 9106 test vectors do not.
     */
    static byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData,
                         Argon2idParameters parameters, int length) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(associatedData, "associatedData");
        Objects.requireNonNull(parameters, "parameters");
        if (length < 4) {
            throw new IllegalArgumentException("Argon2 output must be at least 4 bytes");
        }
        if (salt.length < 8) {
            throw new IllegalArgumentException("Argon2 salt must be at least 8 bytes");
        }
        if (parameters.memoryKiB() < 8 * parameters.parallelism()) {
            throw new IllegalArgumentException("Argon2 memory must be at least 8 KiB per lane");
        }
        Argon2Parameters bcParameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .withSecret(secret)
                .withAdditional(associatedData)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        byte[] out = new byte[length];
        try {
            generator.init(bcParameters);
            generator.generateBytes(password, out);
        } finally {
            bcParameters.clear();
        }
        return out;
    }
}

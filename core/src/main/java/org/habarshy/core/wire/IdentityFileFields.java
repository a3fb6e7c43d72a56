package org.habarshy.core.wire;

/**
 * The fields of the identity key file. Holds private key bytes: never log or print an instance,
 * and wipe the arrays ({@link #wipe()}) once keys are constructed from them.
 */
public record IdentityFileFields(String name, byte[] signingSeed, byte[] agreementPrivateKey, long createdAt) {
    /** Overwrites the private key arrays with zeros. */
    public void wipe() {
        java.util.Arrays.fill(signingSeed, (byte) 0);
        java.util.Arrays.fill(agreementPrivateKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "IdentityFileFields[redacted]";
    }
}

package org.habarshy.core.wire;

import org.habarshy.core.crypto.Argon2idParameters;

/**
 * A decoded version-2 identity file: nothing in it is secret without the passphrase.
 *
 * @param header the exact header bytes, to be authenticated as associated data
 * @param parameters the Argon2id parameters the header names (not yet checked against any floor)
 * @param salt the 16-byte salt the header names
 * @param sealed {@code nonce || ciphertext || tag}
 */
public record EncryptedIdentity(byte[] header, Argon2idParameters parameters, byte[] salt, byte[] sealed) {
}

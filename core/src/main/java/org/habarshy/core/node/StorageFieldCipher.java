package org.habarshy.core.node;

import java.security.GeneralSecurityException;
import org.habarshy.core.crypto.StorageCipher;
import org.habarshy.core.store.FieldCipher;

/** Lets the stores seal columns with the account's {@link StorageCipher}. */
final class StorageFieldCipher implements FieldCipher {
    private final StorageCipher cipher;

    StorageFieldCipher(StorageCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public byte[] seal(byte[] context, byte[] plaintext) {
        return cipher.seal(context, plaintext);
    }

    @Override
    public byte[] open(byte[] context, byte[] sealed) throws GeneralSecurityException {
        return cipher.open(context, sealed);
    }
}

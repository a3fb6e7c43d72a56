package org.habarshy.core.store;

import java.security.GeneralSecurityException;

/**
 * Seals and opens sensitive column values before they reach the database file (docs/PROTOCOL.md §6.3). The
 * context names the row and column; a value sealed for one context does not open for another.
 */
public interface FieldCipher {
    /** Returns {@code plaintext} sealed for {@code context}. */
    byte[] seal(byte[] context, byte[] plaintext);

    /** Returns the plaintext of {@code sealed}; throws if it is damaged or was sealed for another context or key. */
    byte[] open(byte[] context, byte[] sealed) throws GeneralSecurityException;
}

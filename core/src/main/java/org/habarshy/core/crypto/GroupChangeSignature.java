package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * Signatures and hashes of group membership changes (docs/PROTOCOL.md §11.2): an admin signs
 * {@code UTF8("habarshy/v1/group-change") || 0x00 || change}, and a change is named by
 * {@code H("habarshy/v1/group-state", change)}, which the next change quotes as its previous state.
 */
public final class GroupChangeSignature {
    /** Label of the admin's signature over a change. */
    public static final String SIGNATURE_LABEL = "habarshy/v1/group-change";
    /** Label of the hash that names a change (the state it produces). */
    public static final String STATE_LABEL = "habarshy/v1/group-state";

    private GroupChangeSignature() {
    }

    /** Returns the admin's 64-byte signature of the exact change bytes. */
    public static byte[] sign(SigningKeyPair admin, byte[] change) {
        return admin.sign(input(change));
    }

    /** Returns normally if {@code signature} is {@code signer}'s signature of {@code change}; throws otherwise. */
    public static void verify(IdentityKey signer, byte[] change, byte[] signature) throws GeneralSecurityException {
        SignatureVerifier.verify(signer, input(change), signature);
    }

    /** Returns the 32-byte hash that names the state after {@code change}. */
    public static byte[] stateHash(byte[] change) {
        return Hashing.sha256(STATE_LABEL, change);
    }

    private static byte[] input(byte[] change) {
        return Concatenation.of(Hashing.encodeLabel(SIGNATURE_LABEL), new byte[1], change);
    }
}

package org.habarshy.core.identity;

import java.security.SecureRandom;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.SigningKeyPair;

/**
 * This user's long-term keys: Ed25519 for signing, X25519 for receiving envelopes, and the name on
 * the card. {@link #toString()} reveals nothing secret.
 */
public final class IdentityKeys {
    private final String name;
    private final SigningKeyPair signing;
    private final AgreementKeyPair agreement;
    private final long createdAt;

    /** Wraps existing keys. */
    public IdentityKeys(String name, SigningKeyPair signing, AgreementKeyPair agreement, long createdAt) {
        this.name = name;
        this.signing = signing;
        this.agreement = agreement;
        this.createdAt = createdAt;
    }

    /** Generates fresh keys for {@code name}. */
    public static IdentityKeys generate(String name, SecureRandom random, long now) {
        return new IdentityKeys(name, SigningKeyPair.generate(random), AgreementKeyPair.generate(random), now);
    }

    /** Returns the public card for these keys. */
    public ContactCard card() {
        return new ContactCard(name, signing.publicKey(), agreement.publicKey(), createdAt);
    }

    /** Returns the signing key pair. */
    public SigningKeyPair signing() {
        return signing;
    }

    /** Returns the agreement key pair. */
    public AgreementKeyPair agreement() {
        return agreement;
    }

    /** Returns the display name. */
    public String name() {
        return name;
    }

    /** Returns when the identity was created, Unix milliseconds. */
    public long createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "IdentityKeys[" + signing.publicKey() + "]";
    }
}

package org.habarshy.core.api.group;

import java.util.Objects;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * A member of a private group as its signed membership names them.
 *
 * @param identity the member's Ed25519 identity key
 * @param agreement the member's X25519 key, where sender keys and changes are sealed to
 * @param name the display name the admin who added them wrote into the group (1..64 UTF-8 bytes)
 * @param admin whether the member may sign membership changes
 */
public record GroupMember(IdentityKey identity, AgreementKey agreement, String name, boolean admin) {
    /** Checks the fields. */
    public GroupMember {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(name, "name");
    }

    /** Returns this member as an admin (or not). */
    public GroupMember withAdmin(boolean isAdmin) {
        return new GroupMember(identity, agreement, name, isAdmin);
    }
}

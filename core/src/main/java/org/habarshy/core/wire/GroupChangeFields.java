package org.habarshy.core.wire;

import java.util.List;
import java.util.Objects;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * The fields of one decoded {@code GroupChange} (docs/PROTOCOL.md §11.2), bounds already checked. Only the
 * fields of its action are set: {@code name} and {@code members} for CREATE, {@code members} for ADD,
 * {@code keys} for REMOVE and PROMOTE. Members come with {@code admin} false.
 */
public record GroupChangeFields(byte[] groupId, long epoch, byte[] previous, IdentityKey signer, long createdAt,
                                Action action, String name, List<GroupMember> members, List<IdentityKey> keys) {
    /** What a change does. */
    public enum Action {
        /** Creates the group; the signer is its first admin. */
        CREATE,
        /** Adds members. */
        ADD,
        /** Removes members. */
        REMOVE,
        /** Makes members admins. */
        PROMOTE
    }

    /** Copies the arrays and lists. */
    public GroupChangeFields {
        groupId = groupId.clone();
        previous = previous.clone();
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(action, "action");
        name = name == null ? "" : name;
        members = List.copyOf(members);
        keys = List.copyOf(keys);
    }

    /** Returns a copy of the group id. */
    @Override
    public byte[] groupId() {
        return groupId.clone();
    }

    /** Returns a copy of the previous state hash (empty for a creation). */
    @Override
    public byte[] previous() {
        return previous.clone();
    }
}

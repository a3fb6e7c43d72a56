package org.habarshy.core.api.group;

import java.util.List;
import java.util.Objects;

/**
 * What this user knows of one private group.
 *
 * @param id the group id
 * @param name the name its creator gave it
 * @param epoch the number of membership changes applied after the creation
 * @param members the current members, in the order they joined
 * @param admin whether this user is an admin of it
 * @param member whether this user is still a member (false once removed)
 */
public record GroupSummary(GroupId id, String name, long epoch, List<GroupMember> members, boolean admin,
                           boolean member) {
    /** Copies the member list. */
    public GroupSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }
}

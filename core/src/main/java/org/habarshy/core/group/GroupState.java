package org.habarshy.core.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.habarshy.core.api.group.GroupId;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.wire.GroupChangeFields;
import org.habarshy.core.wire.GroupCodec;

/**
 * A group's membership after some chain of changes: name, epoch, the hash of the last change (head), members in
 * the order they joined and which of them are admins. Immutable; {@link #apply} returns the next state.
 */
public final class GroupState {
    private final GroupId id;
    private final String name;
    private final long epoch;
    private final byte[] head;
    private final LinkedHashMap<IdentityKey, GroupMember> members;

    private GroupState(GroupId id, String name, long epoch, byte[] head, LinkedHashMap<IdentityKey, GroupMember> members) {
        this.id = id;
        this.name = name;
        this.epoch = epoch;
        this.head = head.clone();
        this.members = members;
    }

    /**
     * Returns the state a creation produces: its members, the signer the only admin. Throws if the signer is not
     * among the members.
     */
    static GroupState created(GroupChangeFields create, byte[] hash) throws GroupChangeException {
        LinkedHashMap<IdentityKey, GroupMember> members = new LinkedHashMap<>();
        for (GroupMember m : create.members()) {
            members.put(m.identity(), m.withAdmin(m.identity().equals(create.signer())));
        }
        if (!members.containsKey(create.signer())) {
            throw new GroupChangeException(GroupChangeException.Reason.INVALID, "the creator is not a member");
        }
        return new GroupState(new GroupId(create.groupId()), create.name(), 0, hash, members);
    }

    /** Returns the state after a non-creation change whose hash is {@code hash}; the caller checked the chain. */
    GroupState apply(GroupChangeFields change, byte[] hash) throws GroupChangeException {
        LinkedHashMap<IdentityKey, GroupMember> next = new LinkedHashMap<>(members);
        switch (change.action()) {
            case ADD -> {
                for (GroupMember m : change.members()) {
                    if (next.containsKey(m.identity())) {
                        throw invalid("adds someone who is a member already");
                    }
                    next.put(m.identity(), m.withAdmin(false));
                }
                if (next.size() > GroupCodec.MAX_MEMBERS) {
                    throw invalid("a group has at most " + GroupCodec.MAX_MEMBERS + " members");
                }
            }
            case REMOVE -> {
                for (IdentityKey k : change.keys()) {
                    if (next.remove(k) == null) {
                        throw invalid("removes someone who is not a member");
                    }
                }
                if (next.values().stream().noneMatch(GroupMember::admin)) {
                    throw invalid("removes the last admin");
                }
            }
            case PROMOTE -> {
                for (IdentityKey k : change.keys()) {
                    GroupMember m = next.get(k);
                    if (m == null || m.admin()) {
                        throw invalid("promotes someone who is not a member or is an admin already");
                    }
                    next.put(k, m.withAdmin(true));
                }
            }
            default -> throw invalid("a group is created only once");
        }
        return new GroupState(id, name, change.epoch(), hash, next);
    }

    private static GroupChangeException invalid(String message) {
        return new GroupChangeException(GroupChangeException.Reason.INVALID, "membership change " + message);
    }

    /** Returns the group id. */
    public GroupId id() {
        return id;
    }

    /** Returns the group's name. */
    public String name() {
        return name;
    }

    /** Returns the epoch: how many changes followed the creation. */
    public long epoch() {
        return epoch;
    }

    /** Returns the hash of the last change. */
    public byte[] head() {
        return head.clone();
    }

    /** Returns true if {@code head} is this state's head. */
    boolean hasHead(byte[] other) {
        return java.security.MessageDigest.isEqual(head, other);
    }

    /** Returns the members in the order they joined. */
    public List<GroupMember> members() {
        return new ArrayList<>(members.values());
    }

    /** Returns the member with this key, if any. */
    public Optional<GroupMember> member(IdentityKey key) {
        return Optional.ofNullable(members.get(key));
    }

    /** Returns true if {@code key} is a member. */
    public boolean isMember(IdentityKey key) {
        return members.containsKey(key);
    }

    /** Returns true if {@code key} is an admin. */
    public boolean isAdmin(IdentityKey key) {
        GroupMember m = members.get(key);
        return m != null && m.admin();
    }

    @Override
    public String toString() {
        return "GroupState[" + id + ", epoch " + epoch + ", " + members.size() + " members, head "
                + Arrays.hashCode(head) + "]";
    }

    /** Returns the members as a map (copy). */
    Map<IdentityKey, GroupMember> memberMap() {
        return new LinkedHashMap<>(members);
    }
}

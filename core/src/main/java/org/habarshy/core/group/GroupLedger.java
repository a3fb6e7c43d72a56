package org.habarshy.core.group;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.habarshy.core.api.group.GroupId;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.store.GroupStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.Transaction;
import org.habarshy.core.wire.GroupChangeFields;
import org.habarshy.core.wire.SignedGroupChangeBytes;

/**
 * The stored chains of membership changes: loads a group's state by replaying its changes (verified when they
 * were stored), and records newly applied ones. Works in the caller's transaction.
 */
final class GroupLedger {
    private static final System.Logger LOG = System.getLogger(GroupLedger.class.getName());

    private final GroupStore store;
    private final MembershipChain chain;

    GroupLedger(GroupStore store, MembershipChain chain) {
        this.store = store;
        this.chain = chain;
    }

    /** Returns the group's current state, or empty if it is unknown (or its stored chain is damaged). */
    Optional<GroupState> load(Transaction t, GroupId id) throws StoreException {
        return stateAt(t, id, Long.MAX_VALUE);
    }

    /** Returns the group's state at {@code epoch} (or the latest before it). */
    Optional<GroupState> stateAt(Transaction t, GroupId id, long epoch) throws StoreException {
        List<SignedGroupChangeBytes> changes = chain(t, id);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(chain.replay(changes, epoch));
        } catch (GroupChangeException e) {
            LOG.log(System.Logger.Level.WARNING, "a stored group chain does not replay: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Returns the group's signed changes, creation first. */
    List<SignedGroupChangeBytes> chain(Transaction t, GroupId id) throws StoreException {
        List<SignedGroupChangeBytes> out = new ArrayList<>();
        for (GroupStore.ChangeRow row : store.changes(t, id)) {
            out.add(new SignedGroupChangeBytes(row.change(), row.signature()));
        }
        return out;
    }

    /** Stores a change that {@link MembershipChain} accepted and the state it produced. */
    void record(Transaction t, GroupState next, SignedGroupChangeBytes signed, IdentityKey me, long now)
            throws StoreException {
        if (next.epoch() == 0) {
            store.insertGroup(t, next.id(), next.name(), 0, next.head(), now);
        }
        store.addChange(t, next.id(), next.epoch(), signed.change(), signed.signature());
        store.updateGroup(t, next.id(), next.epoch(), next.head(), next.isMember(me));
    }

    /** Returns the name every member ever had in the group, by identity key (latest name wins). */
    Map<IdentityKey, String> namesEverUsed(Transaction t, GroupId id) throws StoreException {
        Map<IdentityKey, String> names = new LinkedHashMap<>();
        for (SignedGroupChangeBytes c : chain(t, id)) {
            try {
                GroupChangeFields change = chain.decode(c.change());
                for (GroupMember m : change.members()) {
                    names.put(m.identity(), m.name());
                }
            } catch (GroupChangeException e) {
                return names;
            }
        }
        return names;
    }
}

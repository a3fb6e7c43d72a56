package org.habarshy.core.group;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.crypto.GroupChangeSignature;
import org.habarshy.core.wire.GroupChangeFields;
import org.habarshy.core.wire.GroupCodec;
import org.habarshy.core.wire.MalformedRecordException;
import org.habarshy.core.wire.SignedGroupChangeBytes;

/**
 * Verifies signed membership changes against the state they claim to follow and applies them (docs/PROTOCOL.md
 * §11.2). Checks, in order: the change decodes; it names this group; it is not older than the state (replay);
 * it is not ahead of the next epoch; it follows the current head (else conflict); its signer is an admin of the current state,
 * or a member removing only itself (leaving the group); the signature verifies over the exact bytes; the change is
 * consistent with the members. Stateless.
 */
public final class MembershipChain {
    private final GroupCodec codec = new GroupCodec();

    /** Creates the verifier. */
    public MembershipChain() {
    }

    /**
     * Returns the state after {@code signed}, applied to {@code current} (empty: the group is unknown and the
     * change must be its creation). Throws {@link GroupChangeException} saying why a change is refused.
     */
    public GroupState verifyAndApply(Optional<GroupState> current, SignedGroupChangeBytes signed)
            throws GroupChangeException {
        GroupChangeFields change = decode(signed.change());
        byte[] hash = GroupChangeSignature.stateHash(signed.change());
        if (current.isEmpty()) {
            if (change.action() != GroupChangeFields.Action.CREATE) {
                throw new GroupChangeException(GroupChangeException.Reason.UNKNOWN_GROUP,
                        "a change of a group this user does not know");
            }
            verifySignature(change, signed);
            return GroupState.created(change, hash);
        }
        GroupState state = current.get();
        if (!Arrays.equals(change.groupId(), state.id().bytes())) {
            throw new GroupChangeException(GroupChangeException.Reason.INVALID, "the change is for another group");
        }
        if (change.epoch() <= state.epoch()) {
            throw new GroupChangeException(GroupChangeException.Reason.REPLAY,
                    "change of epoch " + change.epoch() + " is not newer than the group's epoch " + state.epoch());
        }
        if (change.epoch() > state.epoch() + 1) {
            throw new GroupChangeException(GroupChangeException.Reason.AHEAD,
                    "change of epoch " + change.epoch() + " follows changes not received yet (group at epoch "
                            + state.epoch() + ")");
        }
        if (!state.hasHead(change.previous())) {
            throw new GroupChangeException(GroupChangeException.Reason.CONFLICT,
                    "the change does not follow the group's current state (epoch " + state.epoch() + ")");
        }
        if (!state.isAdmin(change.signer()) && !isLeave(change)) {
            throw new GroupChangeException(GroupChangeException.Reason.NOT_ADMIN,
                    "the change is signed by someone who is not an admin of the group");
        }
        verifySignature(change, signed);
        return state.apply(change, hash);
    }

    /** A member's own departure: a removal of exactly its signer (membership is checked when it is applied). */
    static boolean isLeave(GroupChangeFields change) {
        return change.action() == GroupChangeFields.Action.REMOVE && change.keys().size() == 1
                && change.keys().get(0).equals(change.signer());
    }

    /** Replays stored changes (verified when they were stored) up to {@code epoch} inclusive. */
    GroupState replay(List<SignedGroupChangeBytes> changes, long epoch) throws GroupChangeException {
        Optional<GroupState> state = Optional.empty();
        for (SignedGroupChangeBytes c : changes) {
            GroupChangeFields change = decode(c.change());
            if (change.epoch() > epoch) {
                break;
            }
            byte[] hash = GroupChangeSignature.stateHash(c.change());
            state = Optional.of(state.isEmpty() ? GroupState.created(change, hash) : state.get().apply(change, hash));
        }
        return state.orElseThrow(() -> new GroupChangeException(GroupChangeException.Reason.UNKNOWN_GROUP,
                "no stored creation"));
    }

    GroupChangeFields decode(byte[] change) throws GroupChangeException {
        try {
            return codec.decodeChange(change);
        } catch (MalformedRecordException e) {
            throw new GroupChangeException(GroupChangeException.Reason.MALFORMED, e.getMessage());
        }
    }

    private static void verifySignature(GroupChangeFields change, SignedGroupChangeBytes signed)
            throws GroupChangeException {
        try {
            GroupChangeSignature.verify(change.signer(), signed.change(), signed.signature());
        } catch (GeneralSecurityException e) {
            throw new GroupChangeException(GroupChangeException.Reason.FORGED,
                    "the change's signature does not verify");
        }
    }
}

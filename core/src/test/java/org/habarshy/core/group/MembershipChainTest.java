package org.habarshy.core.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.crypto.GroupChangeSignature;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.wire.GroupChangeFields;
import org.habarshy.core.wire.GroupCodec;
import org.habarshy.core.wire.SignedGroupChangeBytes;
import org.junit.jupiter.api.Test;

/** Membership changes: only admins' correctly signed changes that follow the current state are applied. */
class MembershipChainTest {
    private final SecureRandom random = new SecureRandom();
    private final GroupCodec codec = new GroupCodec();
    private final MembershipChain chain = new MembershipChain();
    private final SigningKeyPair alice = SigningKeyPair.generate(random);
    private final SigningKeyPair bob = SigningKeyPair.generate(random);
    private final SigningKeyPair carol = SigningKeyPair.generate(random);
    private final SigningKeyPair dave = SigningKeyPair.generate(random);
    private final byte[] groupId = new byte[32];

    {
        random.nextBytes(groupId);
    }

    private GroupMember member(SigningKeyPair key, String name) {
        byte[] agreement = new byte[32];
        random.nextBytes(agreement);
        return new GroupMember(key.publicKey(), new AgreementKey(agreement), name, false);
    }

    private SignedGroupChangeBytes sign(SigningKeyPair signer, GroupChangeFields fields) {
        byte[] bytes = codec.encodeChange(fields);
        return new SignedGroupChangeBytes(bytes, GroupChangeSignature.sign(signer, bytes));
    }

    private SignedGroupChangeBytes creation() {
        return sign(alice, new GroupChangeFields(groupId, 0, new byte[0], alice.publicKey(), 1,
                GroupChangeFields.Action.CREATE, "Neighbours", List.of(member(alice, "Alice"), member(bob, "Bob"),
                member(carol, "Carol")), List.of()));
    }

    private SignedGroupChangeBytes change(SigningKeyPair signer, GroupState after, GroupChangeFields.Action action,
                                          List<GroupMember> members, List<IdentityKey> keys) {
        return sign(signer, new GroupChangeFields(groupId, after.epoch() + 1, after.head(), signer.publicKey(), 2,
                action, "", members, keys));
    }

    private GroupState created() throws GroupChangeException {
        return chain.verifyAndApply(Optional.empty(), creation());
    }

    private static void assertRefused(ThrowingCall call, GroupChangeException.Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GroupChangeException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void aCreationMakesItsSignerTheOnlyAdmin() throws Exception {
        GroupState state = created();
        assertThat(state.epoch()).isZero();
        assertThat(state.members()).extracting(GroupMember::name).containsExactly("Alice", "Bob", "Carol");
        assertThat(state.isAdmin(alice.publicKey())).isTrue();
        assertThat(state.isAdmin(bob.publicKey())).isFalse();
        SignedGroupChangeBytes again = creation();
        assertThat(chain.verifyAndApply(Optional.empty(), again).head())
                .isEqualTo(GroupChangeSignature.stateHash(again.change()));
    }

    @Test
    void adminChangesApplyInOrderAndChainByHash() throws Exception {
        GroupState s0 = created();
        GroupState s1 = chain.verifyAndApply(Optional.of(s0), change(alice, s0, GroupChangeFields.Action.ADD,
                List.of(member(dave, "Dave")), List.of()));
        GroupState s2 = chain.verifyAndApply(Optional.of(s1), change(alice, s1, GroupChangeFields.Action.PROMOTE,
                List.of(), List.of(bob.publicKey())));
        GroupState s3 = chain.verifyAndApply(Optional.of(s2), change(bob, s2, GroupChangeFields.Action.REMOVE,
                List.of(), List.of(carol.publicKey())));
        assertThat(s3.epoch()).isEqualTo(3);
        assertThat(s3.members()).extracting(GroupMember::name).containsExactly("Alice", "Bob", "Dave");
        assertThat(s3.isAdmin(bob.publicKey())).isTrue();
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        GroupState s0 = created();
        SignedGroupChangeBytes real = change(alice, s0, GroupChangeFields.Action.ADD, List.of(member(dave, "Dave")),
                List.of());
        byte[] signature = real.signature();
        signature[5] ^= 1;
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), new SignedGroupChangeBytes(real.change(),
                signature)), GroupChangeException.Reason.FORGED);
        // Signed by Dave while naming Alice as the signer.
        SignedGroupChangeBytes byDave = new SignedGroupChangeBytes(real.change(),
                GroupChangeSignature.sign(dave, real.change()));
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), byDave), GroupChangeException.Reason.FORGED);
        byte[] creationSignature = creation().signature();
        creationSignature[0] ^= 1;
        assertRefused(() -> chain.verifyAndApply(Optional.empty(), new SignedGroupChangeBytes(creation().change(),
                creationSignature)), GroupChangeException.Reason.FORGED);
    }

    @Test
    void aMemberWhoIsNotAnAdminCannotChangeTheGroup() throws Exception {
        GroupState s0 = created();
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), change(bob, s0, GroupChangeFields.Action.REMOVE,
                List.of(), List.of(carol.publicKey()))), GroupChangeException.Reason.NOT_ADMIN);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), change(dave, s0, GroupChangeFields.Action.ADD,
                List.of(member(dave, "Dave")), List.of())), GroupChangeException.Reason.NOT_ADMIN);
    }

    @Test
    void aMemberMayRemoveOnlyItselfAndTheLastAdminCannotLeave() throws Exception {
        GroupState s0 = created();
        GroupState s1 = chain.verifyAndApply(Optional.of(s0), change(bob, s0, GroupChangeFields.Action.REMOVE,
                List.of(), List.of(bob.publicKey())));
        assertThat(s1.epoch()).isEqualTo(1);
        assertThat(s1.members()).extracting(GroupMember::name).containsExactly("Alice", "Carol");
        // Leaving does not let a member take someone else along, nor act for a member who already left.
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), change(bob, s0, GroupChangeFields.Action.REMOVE,
                List.of(), List.of(bob.publicKey(), carol.publicKey()))), GroupChangeException.Reason.NOT_ADMIN);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s1), change(bob, s1, GroupChangeFields.Action.REMOVE,
                List.of(), List.of(bob.publicKey()))), GroupChangeException.Reason.INVALID);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), change(dave, s0, GroupChangeFields.Action.REMOVE,
                List.of(), List.of(dave.publicKey()))), GroupChangeException.Reason.INVALID);
        // A departure signed by someone else naming Bob is a forgery.
        SignedGroupChangeBytes real = change(bob, s0, GroupChangeFields.Action.REMOVE, List.of(),
                List.of(bob.publicKey()));
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), new SignedGroupChangeBytes(real.change(),
                GroupChangeSignature.sign(carol, real.change()))), GroupChangeException.Reason.FORGED);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s1), change(alice, s1, GroupChangeFields.Action.REMOVE,
                List.of(), List.of(alice.publicKey()))), GroupChangeException.Reason.INVALID);
    }

    @Test
    void replayedAndConflictingChangesAreRefused() throws Exception {
        GroupState s0 = created();
        SignedGroupChangeBytes add = change(alice, s0, GroupChangeFields.Action.ADD, List.of(member(dave, "Dave")),
                List.of());
        SignedGroupChangeBytes remove = change(alice, s0, GroupChangeFields.Action.REMOVE, List.of(),
                List.of(carol.publicKey()));
        GroupState s1 = chain.verifyAndApply(Optional.of(s0), add);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s1), add), GroupChangeException.Reason.REPLAY);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s1), remove), GroupChangeException.Reason.REPLAY);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s1), creation()), GroupChangeException.Reason.REPLAY);
        // Same epoch as the next change but built on another head: a fork.
        SignedGroupChangeBytes fork = sign(alice, new GroupChangeFields(groupId, 2, s0.head(), alice.publicKey(), 3,
                GroupChangeFields.Action.REMOVE, "", List.of(), List.of(carol.publicKey())));
        assertRefused(() -> chain.verifyAndApply(Optional.of(s1), fork), GroupChangeException.Reason.CONFLICT);
        SignedGroupChangeBytes skipsAhead = sign(alice, new GroupChangeFields(groupId, 5, s1.head(),
                alice.publicKey(), 3, GroupChangeFields.Action.REMOVE, "", List.of(), List.of(carol.publicKey())));
        assertRefused(() -> chain.verifyAndApply(Optional.of(s1), skipsAhead), GroupChangeException.Reason.AHEAD);
    }

    @Test
    void inconsistentChangesAreRefused() throws Exception {
        GroupState s0 = created();
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), change(alice, s0, GroupChangeFields.Action.ADD,
                List.of(member(bob, "Bob again")), List.of())), GroupChangeException.Reason.INVALID);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), change(alice, s0, GroupChangeFields.Action.REMOVE,
                List.of(), List.of(dave.publicKey()))), GroupChangeException.Reason.INVALID);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), change(alice, s0, GroupChangeFields.Action.REMOVE,
                List.of(), List.of(alice.publicKey()))), GroupChangeException.Reason.INVALID);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), change(alice, s0, GroupChangeFields.Action.PROMOTE,
                List.of(), List.of(alice.publicKey()))), GroupChangeException.Reason.INVALID);
        byte[] otherGroup = new byte[32];
        SignedGroupChangeBytes elsewhere = sign(alice, new GroupChangeFields(otherGroup, 1, s0.head(),
                alice.publicKey(), 2, GroupChangeFields.Action.REMOVE, "", List.of(), List.of(bob.publicKey())));
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), elsewhere), GroupChangeException.Reason.INVALID);
        SignedGroupChangeBytes notCreator = sign(alice, new GroupChangeFields(groupId, 0, new byte[0],
                alice.publicKey(), 1, GroupChangeFields.Action.CREATE, "G", List.of(member(bob, "Bob")), List.of()));
        assertRefused(() -> chain.verifyAndApply(Optional.empty(), notCreator), GroupChangeException.Reason.INVALID);
    }

    @Test
    void unknownGroupsAndMalformedChangesAreRefused() throws Exception {
        GroupState s0 = created();
        assertRefused(() -> chain.verifyAndApply(Optional.empty(), change(alice, s0, GroupChangeFields.Action.ADD,
                List.of(member(dave, "Dave")), List.of())), GroupChangeException.Reason.UNKNOWN_GROUP);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), new SignedGroupChangeBytes(new byte[] {1, 2, 3},
                new byte[64])), GroupChangeException.Reason.MALFORMED);
        assertRefused(() -> chain.verifyAndApply(Optional.of(s0), new SignedGroupChangeBytes(new byte[0],
                new byte[64])), GroupChangeException.Reason.MALFORMED);
    }
}

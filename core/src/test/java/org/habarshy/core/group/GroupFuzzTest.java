package org.habarshy.core.group;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.crypto.GroupChangeSignature;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.testing.DeterministicRandom;
import org.habarshy.core.testing.SeedCorpus;
import org.habarshy.core.wire.GroupChangeFields;
import org.habarshy.core.wire.GroupCodec;
import org.habarshy.core.wire.MalformedRecordException;
import org.habarshy.core.wire.SenderKeyFields;
import org.habarshy.core.wire.SignedGroupChangeBytes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the group records a member receives over the 1:1 path: a {@code GroupUpdate} decoded by
 * {@link GroupCodec#decodeUpdate} whose changes {@link MembershipChain#verifyAndApply} checks against a real group
 * (and as an unknown group), and a {@code SenderKeyDistribution} ({@link GroupCodec#decodeSenderKey}). Documented
 * outcomes: a state, {@link MalformedRecordException} or {@link GroupChangeException}.
 */
@Tag("jazzer")
class GroupFuzzTest {
    private static final SigningKeyPair ADMIN = SigningKeyPair.generate(new DeterministicRandom("fuzz admin"));
    private static final SigningKeyPair MEMBER = SigningKeyPair.generate(new DeterministicRandom("fuzz member"));
    private static final GroupCodec CODEC = new GroupCodec();
    private static final MembershipChain CHAIN = new MembershipChain();
    private static final SignedGroupChangeBytes CREATION;
    private static final GroupState STATE;

    static {
        byte[] id = new byte[32];
        id[0] = 7;
        GroupChangeFields create = new GroupChangeFields(id, 0, new byte[0], ADMIN.publicKey(), 1,
                GroupChangeFields.Action.CREATE, "Fuzz", List.of(
                        new GroupMember(ADMIN.publicKey(), new AgreementKey(new byte[32]), "Admin", false),
                        new GroupMember(MEMBER.publicKey(), new AgreementKey(new byte[32]), "Member", false)),
                List.of());
        CREATION = signed(ADMIN, create);
        try {
            STATE = CHAIN.verifyAndApply(Optional.empty(), CREATION);
        } catch (GroupChangeException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest
    void update(byte[] bytes) {
        try {
            for (SignedGroupChangeBytes change : CODEC.decodeUpdate(bytes)) {
                tryApply(Optional.of(STATE), change);
                tryApply(Optional.empty(), change);
            }
        } catch (MalformedRecordException e) {
            // Documented rejection.
        }
    }

    @FuzzTest
    void senderKey(byte[] bytes) {
        try {
            CODEC.encodeSenderKey(CODEC.decodeSenderKey(bytes));
        } catch (MalformedRecordException e) {
            // Documented rejection.
        }
    }

    private static void tryApply(Optional<GroupState> state, SignedGroupChangeBytes change) {
        try {
            CHAIN.verifyAndApply(state, change).members();
        } catch (GroupChangeException e) {
            // Documented rejection.
        }
    }

    @Test
    void seedCorporaMatchTheirRecipes() throws Exception {
        Map<String, byte[]> updates = new LinkedHashMap<>();
        SignedGroupChangeBytes remove = signed(ADMIN, new GroupChangeFields(STATE.id().bytes(), 1, STATE.head(),
                ADMIN.publicKey(), 2, GroupChangeFields.Action.REMOVE, "", List.of(), List.of(MEMBER.publicKey())));
        updates.put("creation", CODEC.encodeUpdate(List.of(CREATION)));
        updates.put("creation-and-removal", CODEC.encodeUpdate(List.of(CREATION, remove)));
        updates.put("removal", CODEC.encodeUpdate(List.of(remove)));
        updates.put("removal-by-member", CODEC.encodeUpdate(List.of(signed(MEMBER, new GroupChangeFields(
                STATE.id().bytes(), 1, STATE.head(), MEMBER.publicKey(), 2, GroupChangeFields.Action.REMOVE, "",
                List.of(), List.of(ADMIN.publicKey()))))));
        byte[] forged = remove.signature();
        forged[3] ^= 1;
        updates.put("removal-forged", CODEC.encodeUpdate(List.of(new SignedGroupChangeBytes(remove.change(),
                forged))));
        SeedCorpus.check(GroupFuzzTest.class, "update", updates);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("valid", CODEC.encodeSenderKey(new SenderKeyFields(STATE.id().bytes(), 0, new byte[32], 0,
                MEMBER.publicKey())));
        keys.put("empty", new byte[0]);
        SeedCorpus.check(GroupFuzzTest.class, "senderKey", keys);
    }

    private static SignedGroupChangeBytes signed(SigningKeyPair signer, GroupChangeFields fields) {
        byte[] bytes = CODEC.encodeChange(fields);
        return new SignedGroupChangeBytes(bytes, GroupChangeSignature.sign(signer, bytes));
    }
}

package org.habarshy.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.GroupContent;
import org.habarshy.proto.v1.GroupChange;
import org.habarshy.proto.v1.GroupUpdate;
import org.habarshy.proto.v1.SignedGroupChange;
import org.junit.jupiter.api.Test;

/** The group records round-trip, and every bound of docs/PROTOCOL.md §11.2-11.4 is enforced when decoding. */
class GroupCodecTest {
    private final GroupCodec codec = new GroupCodec();

    private static IdentityKey key(int b) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) b;
        bytes[1] = (byte) (b >> 8);
        return new IdentityKey(bytes);
    }

    private static GroupMember member(int b, String name) {
        return new GroupMember(key(b), new AgreementKey(new byte[32]), name, false);
    }

    private static GroupChangeFields create(List<GroupMember> members, String name) {
        return new GroupChangeFields(new byte[32], 0, new byte[0], key(1), 5, GroupChangeFields.Action.CREATE, name,
                members, List.of());
    }

    private void assertMalformed(byte[] bytes, String message) {
        assertThatThrownBy(() -> codec.decodeChange(bytes)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining(message);
    }

    @Test
    void changesRoundTrip() throws Exception {
        GroupChangeFields original = create(List.of(member(1, "Әсел"), member(2, "Бақыт")), "Абай көшесі");
        GroupChangeFields decoded = codec.decodeChange(codec.encodeChange(original));
        assertThat(decoded.name()).isEqualTo("Абай көшесі");
        assertThat(decoded.members()).isEqualTo(original.members());
        assertThat(decoded.signer()).isEqualTo(key(1));
        GroupChangeFields remove = new GroupChangeFields(new byte[32], 7, new byte[32], key(1), 6,
                GroupChangeFields.Action.REMOVE, "", List.of(), List.of(key(2)));
        assertThat(codec.decodeChange(codec.encodeChange(remove)).keys()).containsExactly(key(2));
        assertThat(codec.decodeChange(codec.encodeChange(remove)).epoch()).isEqualTo(7);
    }

    @Test
    void malformedChangesAreRefusedWithTheRule() {
        byte[] good = codec.encodeChange(create(List.of(member(1, "A")), "G"));
        GroupChange parsed;
        try {
            parsed = GroupChange.parseFrom(good);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertMalformed(parsed.toBuilder().setVersion(2).build().toByteArray(), "unknown version");
        assertMalformed(parsed.toBuilder().setEpoch(1).build().toByteArray(), "epoch 0");
        assertMalformed(parsed.toBuilder().setPrevious(ByteString.copyFrom(new byte[32])).build().toByteArray(),
                "previous");
        assertMalformed(parsed.toBuilder().setGroupId(ByteString.copyFrom(new byte[31])).build().toByteArray(),
                "group id");
        assertMalformed(parsed.toBuilder().clearAction().build().toByteArray(), "epoch 0");
        assertMalformed(codec.encodeChange(create(List.of(member(1, "A"), member(1, "B")), "G")), "twice");
        assertMalformed(codec.encodeChange(create(List.of(member(1, "A")), "ж".repeat(33))), "group name");
        assertMalformed(codec.encodeChange(create(List.of(member(1, " ")), "G")), "member name");
        List<GroupMember> many = new ArrayList<>();
        for (int i = 0; i <= GroupCodec.MAX_MEMBERS; i++) {
            many.add(member(i, "m"));
        }
        assertMalformed(codec.encodeChange(create(many, "G")), "257 members");
        assertMalformed(new byte[] {(byte) 0xff}, "not valid protobuf");
        assertMalformed(new byte[0], "0 bytes");
        assertMalformed(new byte[GroupCodec.MAX_CHANGE_BYTES + 1], "bytes");
    }

    @Test
    void updatesAndSenderKeysAreBounded() throws Exception {
        SignedGroupChangeBytes one = new SignedGroupChangeBytes(new byte[] {1}, new byte[64]);
        assertThat(codec.decodeUpdate(codec.encodeUpdate(List.of(one, one)))).hasSize(2);
        assertThatThrownBy(() -> codec.decodeUpdate(new byte[0])).hasMessageContaining("0 changes");
        byte[] shortSignature = GroupUpdate.newBuilder().addChanges(SignedGroupChange.newBuilder()
                .setChange(ByteString.copyFrom(new byte[] {1})).setSignature(ByteString.copyFrom(new byte[63])))
                .build().toByteArray();
        assertThatThrownBy(() -> codec.decodeUpdate(shortSignature)).hasMessageContaining("signature of 63 bytes");
        List<SignedGroupChangeBytes> tooMany = new ArrayList<>();
        for (int i = 0; i <= GroupCodec.MAX_CHANGES; i++) {
            tooMany.add(one);
        }
        assertThatThrownBy(() -> codec.decodeUpdate(codec.encodeUpdate(tooMany)))
                .hasMessageContaining("257 changes");

        SenderKeyFields fields = new SenderKeyFields(new byte[32], 3, new byte[32], 9, key(4));
        SenderKeyFields decoded = codec.decodeSenderKey(codec.encodeSenderKey(fields));
        assertThat(decoded.epoch()).isEqualTo(3);
        assertThat(decoded.iteration()).isEqualTo(9);
        assertThat(decoded.signingKey()).isEqualTo(key(4));
        assertThatThrownBy(() -> codec.decodeSenderKey(new byte[0])).hasMessageContaining("group id of 0 bytes");
    }

    @Test
    void groupContentTravelsInContentFieldsFourAndFive() throws Exception {
        ContentCodec content = new ContentCodec();
        GroupContent update = new GroupContent(GroupContent.Kind.UPDATE, new byte[] {10, 0});
        byte[] bytes = content.encode(update);
        assertThat(bytes[0]).isEqualTo((byte) 0x22); // field 4, length-delimited
        assertThat(content.decode(bytes)).isEqualTo(update);
        GroupContent key = new GroupContent(GroupContent.Kind.SENDER_KEY, new byte[] {8, 1});
        assertThat(content.encode(key)[0]).isEqualTo((byte) 0x2a); // field 5
        assertThat(content.decode(content.encode(key))).isEqualTo(key);
        assertThatThrownBy(() -> content.decode(new byte[] {0x22, 0})).isInstanceOf(MalformedRecordException.class);
    }
}

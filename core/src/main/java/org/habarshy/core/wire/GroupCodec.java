package org.habarshy.core.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.GroupContent;
import org.habarshy.core.api.message.TextContent;
import org.habarshy.proto.v1.Content;
import org.habarshy.proto.v1.GroupChange;
import org.habarshy.proto.v1.GroupCreate;
import org.habarshy.proto.v1.GroupKeys;
import org.habarshy.proto.v1.GroupMembers;
import org.habarshy.proto.v1.GroupText;
import org.habarshy.proto.v1.GroupUpdate;
import org.habarshy.proto.v1.SenderKeyDistribution;
import org.habarshy.proto.v1.SignedGroupChange;

/**
 * Encodes and decodes the protobuf records of private groups (group.proto, docs/PROTOCOL.md §11) with every
 * bound checked before use. Decoding never verifies signatures; the group layer does, over the exact bytes.
 */
public final class GroupCodec {
    /** Version of {@code GroupChange} this code writes and reads. */
    public static final int CHANGE_VERSION = 1;
    /** Most members of a group, and most entries in one change. */
    public static final int MAX_MEMBERS = 256;
    /** Most changes in one {@code GroupUpdate}. */
    public static final int MAX_CHANGES = 256;
    /** Largest encoded change. */
    public static final int MAX_CHANGE_BYTES = 32_768;
    /** Longest group or member name, UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 64;
    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;

    /** Creates a codec; it holds no state. */
    public GroupCodec() {
    }

    /** Returns the {@code GroupChange} bytes to sign. */
    public byte[] encodeChange(GroupChangeFields c) {
        GroupChange.Builder b = GroupChange.newBuilder().setVersion(CHANGE_VERSION)
                .setGroupId(ByteString.copyFrom(c.groupId())).setEpoch((int) c.epoch())
                .setPrevious(ByteString.copyFrom(c.previous())).setSigner(ByteString.copyFrom(c.signer().bytes()))
                .setCreatedAt(c.createdAt());
        switch (c.action()) {
            case CREATE -> {
                GroupCreate.Builder create = GroupCreate.newBuilder().setName(c.name());
                c.members().forEach(m -> create.addMembers(member(m)));
                b.setCreate(create);
            }
            case ADD -> {
                GroupMembers.Builder add = GroupMembers.newBuilder();
                c.members().forEach(m -> add.addMembers(member(m)));
                b.setAdd(add);
            }
            case REMOVE -> b.setRemove(keys(c.keys()));
            case PROMOTE -> b.setPromote(keys(c.keys()));
            default -> throw new IllegalArgumentException("unknown action");
        }
        return b.build().toByteArray();
    }

    /** Decodes a change; throws MalformedRecordException if it breaks a rule of §11.2. */
    public GroupChangeFields decodeChange(byte[] bytes) throws MalformedRecordException {
        if (bytes.length == 0 || bytes.length > MAX_CHANGE_BYTES) {
            throw new MalformedRecordException("group change of " + bytes.length + " bytes");
        }
        GroupChange c;
        try {
            c = GroupChange.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRecordException("group change is not valid protobuf", e);
        }
        if (c.getVersion() != CHANGE_VERSION) {
            throw new MalformedRecordException("group change of unknown version " + Integer.toUnsignedString(
                    c.getVersion()));
        }
        requireLength(c.getGroupId(), KEY_BYTES, "group id");
        requireLength(c.getSigner(), KEY_BYTES, "signer");
        long epoch = Integer.toUnsignedLong(c.getEpoch());
        boolean create = c.getActionCase() == GroupChange.ActionCase.CREATE;
        if (create != (epoch == 0)) {
            throw new MalformedRecordException("a creation has epoch 0 and only a creation has");
        }
        if (create ? !c.getPrevious().isEmpty() : c.getPrevious().size() != KEY_BYTES) {
            throw new MalformedRecordException("previous state hash of " + c.getPrevious().size() + " bytes");
        }
        IdentityKey signer = new IdentityKey(c.getSigner().toByteArray());
        GroupChangeFields.Action action;
        String name = "";
        List<GroupMember> members = List.of();
        List<IdentityKey> keys = List.of();
        switch (c.getActionCase()) {
            case CREATE -> {
                action = GroupChangeFields.Action.CREATE;
                name = name(c.getCreate().getName(), "group name");
                members = members(c.getCreate().getMembersList());
            }
            case ADD -> {
                action = GroupChangeFields.Action.ADD;
                members = members(c.getAdd().getMembersList());
            }
            case REMOVE -> {
                action = GroupChangeFields.Action.REMOVE;
                keys = keys(c.getRemove());
            }
            case PROMOTE -> {
                action = GroupChangeFields.Action.PROMOTE;
                keys = keys(c.getPromote());
            }
            default -> throw new MalformedRecordException("group change without a known action");
        }
        return new GroupChangeFields(c.getGroupId().toByteArray(), epoch, c.getPrevious().toByteArray(), signer,
                c.getCreatedAt(), action, name, members, keys);
    }

    /** Returns the {@code GroupUpdate} bytes holding {@code changes}, oldest first. */
    public byte[] encodeUpdate(List<SignedGroupChangeBytes> changes) {
        GroupUpdate.Builder b = GroupUpdate.newBuilder();
        for (SignedGroupChangeBytes c : changes) {
            b.addChanges(SignedGroupChange.newBuilder().setChange(ByteString.copyFrom(c.change()))
                    .setSignature(ByteString.copyFrom(c.signature())));
        }
        return b.build().toByteArray();
    }

    /** Decodes a {@code GroupUpdate}: 1..256 changes, each 1..32,768 bytes with a 64-byte signature. */
    public List<SignedGroupChangeBytes> decodeUpdate(byte[] bytes) throws MalformedRecordException {
        GroupUpdate update;
        try {
            update = GroupUpdate.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRecordException("group update is not valid protobuf", e);
        }
        if (update.getChangesCount() == 0 || update.getChangesCount() > MAX_CHANGES) {
            throw new MalformedRecordException("group update with " + update.getChangesCount() + " changes");
        }
        List<SignedGroupChangeBytes> out = new ArrayList<>(update.getChangesCount());
        for (SignedGroupChange c : update.getChangesList()) {
            if (c.getChange().isEmpty() || c.getChange().size() > MAX_CHANGE_BYTES) {
                throw new MalformedRecordException("group change of " + c.getChange().size() + " bytes");
            }
            requireLength(c.getSignature(), SIGNATURE_BYTES, "signature");
            out.add(new SignedGroupChangeBytes(c.getChange().toByteArray(), c.getSignature().toByteArray()));
        }
        return out;
    }

    /** Returns the {@code SenderKeyDistribution} bytes. */
    public byte[] encodeSenderKey(SenderKeyFields k) {
        return SenderKeyDistribution.newBuilder().setGroupId(ByteString.copyFrom(k.groupId()))
                .setEpoch((int) k.epoch()).setChainKey(ByteString.copyFrom(k.chainKey()))
                .setIteration((int) k.iteration()).setSigningKey(ByteString.copyFrom(k.signingKey().bytes()))
                .build().toByteArray();
    }

    /** Decodes a {@code SenderKeyDistribution}; group id, chain key and signing key must be 32 bytes. */
    public SenderKeyFields decodeSenderKey(byte[] bytes) throws MalformedRecordException {
        SenderKeyDistribution d;
        try {
            d = SenderKeyDistribution.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRecordException("sender key distribution is not valid protobuf", e);
        }
        requireLength(d.getGroupId(), KEY_BYTES, "group id");
        requireLength(d.getChainKey(), KEY_BYTES, "chain key");
        requireLength(d.getSigningKey(), KEY_BYTES, "signing key");
        return new SenderKeyFields(d.getGroupId().toByteArray(), Integer.toUnsignedLong(d.getEpoch()),
                d.getChainKey().toByteArray(), Integer.toUnsignedLong(d.getIteration()),
                new IdentityKey(d.getSigningKey().toByteArray()));
    }

    /** Returns the {@code GroupText} bytes of a group message body. */
    public byte[] encodeText(String text, long sentAt) {
        return GroupText.newBuilder().setText(text).setSentAt(sentAt).build().toByteArray();
    }

    /** Decodes a group message body: 1..65,536 UTF-8 bytes of text. */
    public TextContent decodeText(byte[] bytes) throws MalformedRecordException {
        GroupText text;
        try {
            text = GroupText.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRecordException("group text is not valid protobuf", e);
        }
        try {
            return new TextContent(text.getText(), text.getSentAt());
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("group text out of bounds: " + e.getMessage(), e);
        }
    }

    /** Sets content field 4 or 5 from a {@link GroupContent}. */
    static void encodeInto(Content.Builder builder, GroupContent content) {
        ByteString payload = ByteString.copyFrom(content.payload());
        if (content.kind() == GroupContent.Kind.UPDATE) {
            builder.setGroupUpdate(payload);
        } else {
            builder.setSenderKey(payload);
        }
    }

    private static org.habarshy.proto.v1.GroupMember member(GroupMember m) {
        return org.habarshy.proto.v1.GroupMember.newBuilder().setIdentityKey(ByteString.copyFrom(m.identity().bytes()))
                .setAgreementKey(ByteString.copyFrom(m.agreement().bytes())).setName(m.name()).build();
    }

    private static GroupKeys keys(List<IdentityKey> keys) {
        GroupKeys.Builder b = GroupKeys.newBuilder();
        keys.forEach(k -> b.addIdentityKeys(ByteString.copyFrom(k.bytes())));
        return b.build();
    }

    private static List<GroupMember> members(List<org.habarshy.proto.v1.GroupMember> list)
            throws MalformedRecordException {
        if (list.isEmpty() || list.size() > MAX_MEMBERS) {
            throw new MalformedRecordException("group change with " + list.size() + " members");
        }
        List<GroupMember> out = new ArrayList<>(list.size());
        Set<IdentityKey> seen = new HashSet<>();
        for (org.habarshy.proto.v1.GroupMember m : list) {
            requireLength(m.getIdentityKey(), KEY_BYTES, "member identity key");
            requireLength(m.getAgreementKey(), KEY_BYTES, "member agreement key");
            IdentityKey identity = new IdentityKey(m.getIdentityKey().toByteArray());
            if (!seen.add(identity)) {
                throw new MalformedRecordException("a member is named twice");
            }
            out.add(new GroupMember(identity, new AgreementKey(m.getAgreementKey().toByteArray()),
                    name(m.getName(), "member name"), false));
        }
        return out;
    }

    private static List<IdentityKey> keys(GroupKeys keys) throws MalformedRecordException {
        if (keys.getIdentityKeysCount() == 0 || keys.getIdentityKeysCount() > MAX_MEMBERS) {
            throw new MalformedRecordException("group change with " + keys.getIdentityKeysCount() + " keys");
        }
        List<IdentityKey> out = new ArrayList<>();
        Set<IdentityKey> seen = new HashSet<>();
        for (ByteString k : keys.getIdentityKeysList()) {
            requireLength(k, KEY_BYTES, "identity key");
            IdentityKey key = new IdentityKey(k.toByteArray());
            if (!seen.add(key)) {
                throw new MalformedRecordException("a key is named twice");
            }
            out.add(key);
        }
        return out;
    }

    private static String name(String name, String what) throws MalformedRecordException {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (name.isBlank() || bytes > MAX_NAME_BYTES) {
            throw new MalformedRecordException(what + " must be 1.." + MAX_NAME_BYTES + " UTF-8 bytes");
        }
        return name;
    }

    private static void requireLength(ByteString value, int length, String what) throws MalformedRecordException {
        if (value.size() != length) {
            throw new MalformedRecordException(what + " of " + value.size() + " bytes (expected " + length + ")");
        }
    }
}

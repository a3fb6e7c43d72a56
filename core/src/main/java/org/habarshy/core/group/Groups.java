package org.habarshy.core.group;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.habarshy.core.api.group.GroupId;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.group.GroupMessage;
import org.habarshy.core.api.group.GroupSummary;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.GroupContent;
import org.habarshy.core.crypto.GroupChangeSignature;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.message.ForwardSecrecy;
import org.habarshy.core.message.MessageLimits;
import org.habarshy.core.message.Outbox;
import org.habarshy.core.store.ContactStore;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.FieldCipher;
import org.habarshy.core.store.GroupStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.StoreThread;
import org.habarshy.core.store.Transaction;
import org.habarshy.core.wire.GroupChangeFields;
import org.habarshy.core.wire.GroupCodec;
import org.habarshy.core.wire.SignedGroupChangeBytes;

/**
 * Private groups of one account (docs/PROTOCOL.md §11): create a group with contacts, add, remove and promote
 * members (admins only; every change is signed and sent to the members it concerns), send texts encrypted once
 * with this user's sender key, and read what members wrote. Every method runs its work on the account's store
 * executor and waits, so callers on any thread (CLI, GUI background work) are safe; when it returns, what it
 * queued survives a crash.
 */
public final class Groups {
    /** Largest GroupUpdate payload sent at once; longer chains are sent in several updates, in order. */
    static final int MAX_UPDATE_BYTES = 128 * 1024;

    private final Database db;
    private final ExecutorService storeExecutor;
    private final GroupStore store;
    private final ContactStore contacts;
    private final SigningKeyPair identity;
    private final ContactCard card;
    private final Clock clock;
    private final SecureRandom random;
    private final Runnable announce;
    private final MembershipChain chain = new MembershipChain();
    private final GroupCodec codec = new GroupCodec();
    private final GroupLedger ledger;
    private final PairwiseDelivery delivery;
    private final SenderKeys senderKeys;
    private final GroupInbox inbox;

    /**
     * Creates the groups of the account whose identity is {@code identity} and card {@code card}.
     *
     * @param cipher seals sender keys and message bodies at rest
     * @param announce run on the store executor after envelopes were queued (offers them to peers)
     */
    public Groups(Database db, ExecutorService storeExecutor, FieldCipher cipher, ContactStore contacts,
                  EnvelopeStore envelopes, Outbox outbox, ForwardSecrecy sessions, SigningKeyPair identity,
                  ContactCard card, Clock clock, SecureRandom random, Runnable announce) {
        this.db = db;
        this.storeExecutor = storeExecutor;
        this.store = new GroupStore(cipher);
        this.contacts = contacts;
        this.identity = identity;
        this.card = card;
        this.clock = clock;
        this.random = random;
        this.announce = announce;
        this.ledger = new GroupLedger(store, chain);
        this.delivery = new PairwiseDelivery(sessions, outbox, envelopes);
        this.senderKeys = new SenderKeys(store, ledger, envelopes, delivery, identity.publicKey(), clock, random);
        this.inbox = new GroupInbox(db, store, ledger, chain, senderKeys, contacts, identity.publicKey(), clock);
    }

    /** Returns where the node hands incoming group traffic. */
    public GroupInbox inbox() {
        return inbox;
    }

    /**
     * Creates a group named {@code name} (1..64 UTF-8 bytes) with this user as its admin and {@code members}
     * (1..255 contacts), and sends each of them the signed creation.
     */
    public GroupSummary create(String name, List<Contact> members) throws StoreException {
        List<GroupMember> all = new ArrayList<>();
        all.add(new GroupMember(identity.publicKey(), card.agreementKey(), card.name(), false));
        for (Contact c : members) {
            GroupMember m = new GroupMember(c.card().identityKey(), c.card().agreementKey(), c.card().name(), false);
            if (all.stream().noneMatch(x -> x.identity().equals(m.identity()))) {
                all.add(m);
            }
        }
        if (all.size() < 2 || all.size() > GroupCodec.MAX_MEMBERS) {
            throw new IllegalArgumentException("a group needs 1.." + (GroupCodec.MAX_MEMBERS - 1) + " other members");
        }
        byte[] id = new byte[GroupId.LENGTH];
        random.nextBytes(id);
        GroupChangeFields creation = new GroupChangeFields(id, 0, new byte[0], identity.publicKey(), clock.millis(),
                GroupChangeFields.Action.CREATE, name, all, List.of());
        return write(t -> {
            SignedGroupChangeBytes signed = sign(creation);
            GroupState state = verifiedOrBug(Optional.empty(), signed);
            ledger.record(t, state, signed, identity.publicKey(), clock.millis());
            for (GroupMember m : state.members()) {
                sendChain(t, m, List.of(signed));
            }
            return summary(state);
        });
    }

    /** Returns every group this user knows, including those it was removed from. */
    public List<GroupSummary> list() throws StoreException {
        return call(() -> db.read(t -> {
            List<GroupSummary> out = new ArrayList<>();
            for (GroupStore.GroupRow row : store.all(t)) {
                Optional<GroupState> state = ledger.load(t, row.id());
                if (state.isPresent()) {
                    out.add(summary(state.get()));
                }
            }
            return out;
        }));
    }

    /**
     * Returns the group whose name is exactly {@code ref} (if only one has it) or whose id starts with the hex
     * prefix {@code ref} (at least 4 digits); throws UnknownGroupException with a message for the user otherwise.
     */
    public GroupSummary find(String ref) throws StoreException, UnknownGroupException {
        List<GroupSummary> all = list();
        List<GroupSummary> named = all.stream().filter(g -> g.name().equals(ref)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        String prefix = ref.toLowerCase(Locale.ROOT);
        List<GroupSummary> byId = prefix.length() >= 4 && prefix.matches("[0-9a-f]+")
                ? all.stream().filter(g -> g.id().hex().startsWith(prefix)).toList() : List.of();
        if (byId.size() == 1) {
            return byId.get(0);
        }
        if (named.size() > 1 || byId.size() > 1) {
            throw new UnknownGroupException("several groups match \"" + ref + "\"; use more of the group id"
                    + " (habarshy group list)");
        }
        throw new UnknownGroupException("no group called \"" + ref + "\" (habarshy group list shows your groups)");
    }

    /** Adds the contact to the group (admins only) and sends them the whole chain, the others the new change. */
    public GroupSummary add(GroupId group, Contact contact) throws StoreException, GroupChangeException {
        GroupMember member = new GroupMember(contact.card().identityKey(), contact.card().agreementKey(),
                contact.card().name(), false);
        return change(group, GroupChangeFields.Action.ADD, List.of(member), List.of());
    }

    /**
     * Removes a member (admins only): the epoch moves on, and every remaining member sends with a fresh sender
     * key that the removed member never receives.
     */
    public GroupSummary remove(GroupId group, IdentityKey member) throws StoreException, GroupChangeException {
        if (member.equals(identity.publicKey())) {
            throw new GroupChangeException(GroupChangeException.Reason.INVALID,
                    "you cannot remove yourself; leave the group instead (habarshy group leave)");
        }
        return change(group, GroupChangeFields.Action.REMOVE, List.of(), List.of(member));
    }

    /**
     * Leaves the group (any member): signs the removal of this user alone (docs/PROTOCOL.md §11.2) and sends it to
     * the remaining members, who move to a new epoch and re-key without this user, as after a removal. The
     * group's history stays here, read-only. The only admin cannot leave while others remain: promote one first.
     */
    public GroupSummary leave(GroupId group) throws StoreException, GroupChangeException {
        return change(group, GroupChangeFields.Action.REMOVE, List.of(), List.of(identity.publicKey()));
    }

    /** Makes a member an admin (admins only). */
    public GroupSummary promote(GroupId group, IdentityKey member) throws StoreException, GroupChangeException {
        return change(group, GroupChangeFields.Action.PROMOTE, List.of(), List.of(member));
    }

    /** Encrypts {@code text} once with this user's sender key and queues the group message for all members. */
    public EnvelopeId send(GroupId group, String text) throws StoreException, GroupChangeException {
        return writeChecked(t -> {
            GroupState state = current(t, group);
            if (!state.isMember(identity.publicKey())) {
                throw new GroupChangeException(GroupChangeException.Reason.NOT_A_MEMBER,
                        "you are no longer a member of this group");
            }
            return senderKeys.send(t, state, text, MessageLimits.DEFAULT_TTL.toMillis());
        });
    }

    /** Returns the group's messages, oldest first, with the sender's contact alias or group name. */
    public List<GroupMessage> messages(GroupId group) throws StoreException {
        return call(() -> db.read(t -> {
            Map<IdentityKey, String> names = ledger.namesEverUsed(t, group);
            List<GroupMessage> out = new ArrayList<>();
            for (GroupStore.MessageRow m : store.messages(t, group)) {
                out.add(new GroupMessage(m.id(), group, m.sender(), displayName(t, m.sender(), names),
                        m.direction(), m.text(), m.sentAt()));
            }
            return out;
        }));
    }

    private String displayName(Transaction t, IdentityKey key, Map<IdentityKey, String> names) throws StoreException {
        if (key.equals(identity.publicKey())) {
            return card.name();
        }
        Optional<Contact> contact = contacts.byIdentityKey(t, key);
        if (contact.isPresent()) {
            return contact.get().alias();
        }
        return names.getOrDefault(key, key.hex().substring(0, 8));
    }

    private GroupSummary change(GroupId group, GroupChangeFields.Action action, List<GroupMember> members,
                                List<IdentityKey> keys) throws StoreException, GroupChangeException {
        return writeChecked(t -> {
            GroupState state = current(t, group);
            IdentityKey me = identity.publicKey();
            if (!state.isMember(me)) {
                throw new GroupChangeException(GroupChangeException.Reason.NOT_A_MEMBER,
                        "you are no longer a member of this group");
            }
            boolean leaving = action == GroupChangeFields.Action.REMOVE && keys.equals(List.of(me));
            if (!state.isAdmin(me) && !leaving) {
                throw new GroupChangeException(GroupChangeException.Reason.NOT_ADMIN,
                        "only an admin of the group can change its members");
            }
            if (leaving && state.members().size() > 1 && state.members().stream()
                    .noneMatch(m -> m.admin() && !m.identity().equals(me))) {
                throw new GroupChangeException(GroupChangeException.Reason.INVALID,
                        "you are the group's only admin: make another member an admin first (habarshy group "
                                + "promote), then leave");
            }
            GroupChangeFields change = new GroupChangeFields(group.bytes(), state.epoch() + 1, state.head(), me,
                    clock.millis(), action, "", members, keys);
            SignedGroupChangeBytes signed = sign(change);
            GroupState next = chain.verifyAndApply(Optional.of(state), signed);
            ledger.record(t, next, signed, me, clock.millis());
            List<SignedGroupChangeBytes> whole = ledger.chain(t, group);
            for (GroupMember m : next.members()) {
                boolean isNew = !state.isMember(m.identity());
                sendChain(t, m, isNew ? whole : List.of(signed));
            }
            for (GroupMember m : state.members()) {
                if (!next.isMember(m.identity())) {
                    sendChain(t, m, List.of(signed)); // the removed member learns it was removed
                }
            }
            return summary(next);
        });
    }

    /** Sends {@code changes} to {@code member} (not to this user) in updates of at most 128 KiB, in order. */
    private void sendChain(Transaction t, GroupMember member, List<SignedGroupChangeBytes> changes)
            throws StoreException {
        if (member.identity().equals(identity.publicKey())) {
            return;
        }
        List<SignedGroupChangeBytes> batch = new ArrayList<>();
        int bytes = 0;
        for (SignedGroupChangeBytes c : changes) {
            int size = c.change().length + 80;
            if (!batch.isEmpty() && (bytes + size > MAX_UPDATE_BYTES || batch.size() == GroupCodec.MAX_CHANGES)) {
                delivery.send(t, member, new GroupContent(GroupContent.Kind.UPDATE, codec.encodeUpdate(batch)));
                batch.clear();
                bytes = 0;
            }
            batch.add(c);
            bytes += size;
        }
        delivery.send(t, member, new GroupContent(GroupContent.Kind.UPDATE, codec.encodeUpdate(batch)));
    }

    private SignedGroupChangeBytes sign(GroupChangeFields change) {
        byte[] bytes = codec.encodeChange(change);
        return new SignedGroupChangeBytes(bytes, GroupChangeSignature.sign(identity, bytes));
    }

    private GroupState verifiedOrBug(Optional<GroupState> state, SignedGroupChangeBytes signed) {
        try {
            return chain.verifyAndApply(state, signed);
        } catch (GroupChangeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private GroupState current(Transaction t, GroupId group) throws StoreException, GroupChangeException {
        return ledger.load(t, group).orElseThrow(() -> new GroupChangeException(
                GroupChangeException.Reason.UNKNOWN_GROUP, "no such group"));
    }

    private GroupSummary summary(GroupState state) {
        IdentityKey me = identity.publicKey();
        return new GroupSummary(state.id(), state.name(), state.epoch(), state.members(), state.isAdmin(me),
                state.isMember(me));
    }

    /** Returns a short printable id: the first 8 hex digits. */
    public static String shortId(GroupId id) {
        return HexFormat.of().formatHex(id.bytes(), 0, 4);
    }

    private interface CheckedBody<T> {
        T run(Transaction t) throws StoreException, GroupChangeException;
    }

    private interface Body<T> {
        T run(Transaction t) throws StoreException;
    }

    private <T> T write(Body<T> body) throws StoreException {
        T result = call(() -> db.write(body::run));
        storeExecutor.execute(announce);
        return result;
    }

    /** Runs a write whose body may refuse with GroupChangeException; the transaction rolls back then. */
    private <T> T writeChecked(CheckedBody<T> body) throws StoreException, GroupChangeException {
        T result;
        try {
            result = call(() -> db.write(t -> {
                try {
                    return body.run(t);
                } catch (GroupChangeException e) {
                    throw new RefusedChange(e);
                }
            }));
        } catch (RefusedChange e) {
            throw (GroupChangeException) e.getCause();
        }
        storeExecutor.execute(announce);
        return result;
    }

    /** Unwinds a write transaction (rolling it back) to report a refused change. */
    private static final class RefusedChange extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedChange(GroupChangeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private <T> T call(StoreThread.Task<T> task) throws StoreException {
        return StoreThread.await(storeExecutor, task);
    }
}

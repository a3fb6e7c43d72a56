package org.habarshy.core.group;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.group.GroupId;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.GroupContent;
import org.habarshy.core.api.message.TextContent;
import org.habarshy.core.crypto.GroupMessageFormat;
import org.habarshy.core.crypto.SenderKeyChain;
import org.habarshy.core.crypto.SenderKeyException;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.GroupStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.StoredEnvelope;
import org.habarshy.core.store.Transaction;
import org.habarshy.core.wire.GroupCodec;
import org.habarshy.core.wire.MalformedRecordException;
import org.habarshy.core.wire.SenderKeyFields;

/**
 * Sender chains (docs/PROTOCOL.md §11.4-11.5): this user's chain per group epoch, made when it first sends in
 * that epoch and distributed to the other members of that epoch only; the chains other members distributed; and
 * opening group messages with them: signature first, then decryption, then the text and the chain's new state
 * are stored in one transaction. Works in the caller's transaction.
 */
final class SenderKeys {
    /** Most sender chains kept from one sender for groups this user does not know (yet). */
    static final int MAX_ORPHAN_KEYS_PER_SENDER = 64;
    /** Most sender chains kept from one sender for epochs of a known group that this user has not reached. */
    static final int MAX_FUTURE_KEYS_PER_SENDER = 8;
    private static final System.Logger LOG = System.getLogger(SenderKeys.class.getName());

    private final GroupStore store;
    private final GroupLedger ledger;
    private final EnvelopeStore envelopes;
    private final PairwiseDelivery delivery;
    private final IdentityKey me;
    private final Clock clock;
    private final SecureRandom random;
    private final GroupCodec codec = new GroupCodec();

    SenderKeys(GroupStore store, GroupLedger ledger, EnvelopeStore envelopes, PairwiseDelivery delivery,
               IdentityKey me, Clock clock, SecureRandom random) {
        this.store = store;
        this.ledger = ledger;
        this.envelopes = envelopes;
        this.delivery = delivery;
        this.me = me;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Encrypts a text with this user's chain of the group's current epoch, making and distributing the chain
     * first if there is none; stores the envelope, the message and the chain. Returns the envelope id.
     */
    EnvelopeId send(Transaction t, GroupState state, String text, long ttlMillis) throws StoreException {
        long now = clock.millis();
        TextContent content = new TextContent(text, now);
        SenderKeyChain chain = ownChain(t, state);
        byte[] tag = SenderKeyChain.chainTag(state.id().bytes(), state.epoch(), chain.signingKey());
        byte[] envelope = chain.encrypt(tag, now, now + ttlMillis, codec.encodeText(content.text(), now));
        store.saveSenderKey(t, state.id(), state.epoch(), me, chain.serialize());
        StoredEnvelope stored = new StoredEnvelope(org.habarshy.core.crypto.EnvelopeFormat.idOf(envelope), envelope,
                now, now + ttlMillis, 0, now);
        envelopes.insert(t, stored);
        store.insertMessage(t, new GroupStore.MessageRow(stored.id(), state.id(), me, Direction.OUTGOING, now, text),
                now);
        return stored.id();
    }

    private SenderKeyChain ownChain(Transaction t, GroupState state) throws StoreException {
        Optional<byte[]> saved = store.senderKey(t, state.id(), state.epoch(), me);
        if (saved.isPresent()) {
            try {
                return SenderKeyChain.restore(saved.get());
            } catch (SenderKeyException e) {
                throw new IllegalStateException("this user's sender key of the group is damaged", e);
            }
        }
        SenderKeyChain chain = SenderKeyChain.generate(random);
        byte[] tag = SenderKeyChain.chainTag(state.id().bytes(), state.epoch(), chain.signingKey());
        store.addSenderKey(t, state.id(), state.epoch(), me, tag, chain.serialize(), clock.millis());
        GroupContent distribution = new GroupContent(GroupContent.Kind.SENDER_KEY, codec.encodeSenderKey(
                new SenderKeyFields(state.id().bytes(), state.epoch(), chain.chainKey(), chain.iteration(),
                        chain.signingKey())));
        for (GroupMember member : state.members()) {
            if (!member.identity().equals(me)) {
                delivery.send(t, member, distribution);
            }
        }
        return chain;
    }

    /**
     * Stores a sender chain that {@code sender} distributed, then opens group messages that waited for it. Refused
     * (logged): a chain for an epoch at which the sender was not a member; more than 64 chains from one sender for
     * unknown groups, or 8 for epochs of a known group not reached yet.
     */
    void accept(Transaction t, IdentityKey sender, SenderKeyFields fields) throws StoreException {
        GroupId group = new GroupId(fields.groupId());
        if (sender.equals(me)) {
            return;
        }
        Optional<GroupState> state = ledger.load(t, group);
        if (state.isEmpty()) {
            if (store.orphanSenderKeys(t, sender) >= MAX_ORPHAN_KEYS_PER_SENDER) {
                LOG.log(System.Logger.Level.WARNING, "sender key refused: too many for unknown groups from one sender");
                return;
            }
        } else if (fields.epoch() <= state.get().epoch()) {
            if (!ledger.stateAt(t, group, fields.epoch()).map(s -> s.isMember(sender)).orElse(false)) {
                LOG.log(System.Logger.Level.WARNING, "sender key refused: its sender was not a member at its epoch");
                return;
            }
        } else if (store.senderKeysAfter(t, group, sender, state.get().epoch()) >= MAX_FUTURE_KEYS_PER_SENDER) {
            LOG.log(System.Logger.Level.WARNING, "sender key refused: too many for epochs not reached yet");
            return;
        }
        SenderKeyChain chain = SenderKeyChain.fromDistribution(fields.chainKey(), fields.iteration(),
                fields.signingKey());
        byte[] tag = SenderKeyChain.chainTag(fields.groupId(), fields.epoch(), fields.signingKey());
        if (store.addSenderKey(t, group, fields.epoch(), sender, tag, chain.serialize(), clock.millis())) {
            retryWaiting(t);
        }
    }

    /** Opens group messages that waited for a sender key or a membership change that is now stored. */
    void retryWaiting(Transaction t) throws StoreException {
        for (EnvelopeId id : store.unmatchedWithKnownTag(t)) {
            Optional<StoredEnvelope> envelope = envelopes.find(t, id);
            if (envelope.isEmpty()) {
                store.removeUnmatched(t, id);
            } else {
                open(t, id, envelope.get().bytes(), false);
            }
        }
    }

    /**
     * Opens a group message envelope if a stored chain of a current member signed it: verifies the signature,
     * decrypts, and stores the text and the chain's new state. Messages no chain matches yet wait (bounded);
     * refused ones are logged. With {@code remember} false a message that still cannot be opened is not
     * remembered again.
     */
    void open(Transaction t, EnvelopeId id, byte[] envelope, boolean remember) throws StoreException {
        GroupMessageFormat.Header header;
        try {
            header = GroupMessageFormat.parse(envelope);
        } catch (SenderKeyException e) {
            LOG.log(System.Logger.Level.DEBUG, "group message malformed: " + e.getMessage());
            return;
        }
        long now = clock.millis();
        List<GroupStore.SenderKeyRow> rows = store.senderKeysByTag(t, header.chainTag());
        boolean waiting = rows.isEmpty();
        for (GroupStore.SenderKeyRow row : rows) {
            if (row.sender().equals(me)) {
                store.removeUnmatched(t, id);
                return; // our own message, back from a peer
            }
            Optional<GroupState> state = ledger.load(t, row.group());
            if (state.isEmpty() || row.epoch() > state.get().epoch()) {
                waiting = true; // the membership change of that epoch has not arrived yet
                continue;
            }
            if (!state.get().isMember(row.sender()) || !ledger.stateAt(t, row.group(), row.epoch())
                    .map(s -> s.isMember(row.sender())).orElse(false)) {
                LOG.log(System.Logger.Level.WARNING, "group message refused: its sender is not a member");
                store.removeUnmatched(t, id);
                return;
            }
            if (decrypt(t, id, envelope, row, now)) {
                store.removeUnmatched(t, id);
                return;
            }
        }
        if (waiting && remember) {
            store.addUnmatched(t, id, header.chainTag(), header.expiresAt(), now);
        }
    }

    private boolean decrypt(Transaction t, EnvelopeId id, byte[] envelope, GroupStore.SenderKeyRow row, long now)
            throws StoreException {
        SenderKeyChain chain;
        byte[] body;
        try {
            chain = SenderKeyChain.restore(row.state());
            body = chain.decrypt(envelope, now);
        } catch (SenderKeyException e) {
            LOG.log(System.Logger.Level.WARNING, "group message refused ({0}): {1}", e.reason(), e.getMessage());
            return false;
        }
        store.saveSenderKey(t, row.group(), row.epoch(), row.sender(), chain.serialize());
        TextContent text;
        try {
            text = codec.decodeText(body);
        } catch (MalformedRecordException e) {
            LOG.log(System.Logger.Level.WARNING, "group message with malformed text: " + e.getMessage());
            return true;
        } finally {
            Arrays.fill(body, (byte) 0);
        }
        if (store.insertMessage(t, new GroupStore.MessageRow(id, row.group(), row.sender(), Direction.INCOMING,
                text.sentAt(), text.text()), now)) {
            LOG.log(System.Logger.Level.INFO, "new group message received");
        }
        return true;
    }
}

package org.habarshy.core.group;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.group.GroupId;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.GroupContent;
import org.habarshy.core.message.GroupTraffic;
import org.habarshy.core.store.ContactStore;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.GroupStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.Transaction;
import org.habarshy.core.wire.GroupChangeFields;
import org.habarshy.core.wire.GroupCodec;
import org.habarshy.core.wire.MalformedRecordException;
import org.habarshy.core.wire.SignedGroupChangeBytes;

/**
 * Receives private-group traffic: membership changes and sender keys from the 1:1 path, and group message
 * envelopes. A group this user does not know is joined only when a contact sends its chain and this user is a
 * member at its end (strangers cannot put anyone into groups). Store executor only.
 */
public final class GroupInbox implements GroupTraffic {
    private static final System.Logger LOG = System.getLogger(GroupInbox.class.getName());

    private final Database db;
    /** Most changes kept per group while earlier ones are missing. */
    static final int MAX_WAITING_CHANGES = 64;

    private final GroupStore store;
    private final GroupLedger ledger;
    private final MembershipChain chain;
    private final SenderKeys senderKeys;
    private final ContactStore contacts;
    private final IdentityKey me;
    private final Clock clock;
    private final GroupCodec codec = new GroupCodec();

    GroupInbox(Database db, GroupStore store, GroupLedger ledger, MembershipChain chain, SenderKeys senderKeys, ContactStore contacts,
               IdentityKey me, Clock clock) {
        this.db = db;
        this.store = store;
        this.ledger = ledger;
        this.chain = chain;
        this.senderKeys = senderKeys;
        this.contacts = contacts;
        this.me = me;
        this.clock = clock;
    }

    @Override
    public void acceptContent(Transaction t, IdentityKey sender, AgreementKey senderAgreement, GroupContent content)
            throws StoreException {
        try {
            if (content.kind() == GroupContent.Kind.UPDATE) {
                applyUpdate(t, sender, codec.decodeUpdate(content.payload()));
            } else {
                senderKeys.accept(t, sender, codec.decodeSenderKey(content.payload()));
            }
        } catch (MalformedRecordException e) {
            LOG.log(System.Logger.Level.WARNING, "group content refused: " + e.getMessage());
        } catch (GroupChangeException e) {
            LOG.log(System.Logger.Level.WARNING, "group change refused ({0}): {1}", e.reason(), e.getMessage());
        }
    }

    @Override
    public void acceptGroupMessage(EnvelopeId id, byte[] envelope) throws StoreException {
        db.write(t -> {
            senderKeys.open(t, id, envelope, true);
            return null;
        });
    }

    /** Keeps changes that follow ones not received yet (bounded per group) until those arrive. */
    private void keepForLater(Transaction t, GroupId id, List<SignedGroupChangeBytes> ahead)
            throws StoreException, GroupChangeException {
        for (SignedGroupChangeBytes signed : ahead) {
            GroupChangeFields change = chain.decode(signed.change());
            if (!store.addPendingChange(t, id, change.epoch(), signed.change(), signed.signature(),
                    MAX_WAITING_CHANGES)) {
                LOG.log(System.Logger.Level.WARNING, "a group change that arrived early was dropped: too many wait");
            }
        }
        LOG.log(System.Logger.Level.INFO, "group changes arrived before earlier ones; kept until those come");
    }

    /** Applies kept changes that now follow the state, in order; returns how many. */
    private int applyWaiting(Transaction t, Optional<GroupState> latest, long now) throws StoreException {
        if (latest.isEmpty()) {
            return 0;
        }
        GroupState state = latest.get();
        int applied = 0;
        while (true) {
            Optional<GroupStore.ChangeRow> row = store.takePendingChange(t, state.id(), state.epoch() + 1);
            if (row.isEmpty()) {
                return applied;
            }
            SignedGroupChangeBytes signed = new SignedGroupChangeBytes(row.get().change(), row.get().signature());
            try {
                state = chain.verifyAndApply(Optional.of(state), signed);
            } catch (GroupChangeException e) {
                LOG.log(System.Logger.Level.WARNING, "a kept group change was refused ({0}): {1}", e.reason(),
                        e.getMessage());
                return applied;
            }
            ledger.record(t, state, signed, me, now);
            applied++;
        }
    }

    /**
     * Applies changes of one group in order, skipping those stored already; keeps changes that arrived before the
     * ones they follow (AHEAD) and applies them when those come; stops at the first refused one and throws its
     * reason. Changes applied before it stay applied.
     */
    void applyUpdate(Transaction t, IdentityKey sender, List<SignedGroupChangeBytes> changes)
            throws StoreException, GroupChangeException {
        GroupChangeFields first = chain.decode(changes.get(0).change());
        GroupId id = new GroupId(first.groupId());
        Optional<GroupState> state = ledger.load(t, id);
        boolean joining = state.isEmpty();
        if (joining && contacts.byIdentityKey(t, sender).isEmpty()) {
            throw new GroupChangeException(GroupChangeException.Reason.UNKNOWN_GROUP,
                    "an invitation to a group from someone who is not a contact");
        }
        List<SignedGroupChangeBytes> stored = ledger.chain(t, id);
        Optional<GroupState> next = state;
        List<GroupState> states = new ArrayList<>();
        List<SignedGroupChangeBytes> accepted = new ArrayList<>();
        GroupChangeException failure = null;
        for (int i = 0; i < changes.size() && failure == null; i++) {
            SignedGroupChangeBytes signed = changes.get(i);
            try {
                GroupChangeFields change = chain.decode(signed.change());
                if (change.epoch() < stored.size()
                        && Arrays.equals(stored.get((int) change.epoch()).change(), signed.change())) {
                    continue; // stored already
                }
                next = Optional.of(chain.verifyAndApply(next, signed));
                states.add(next.get());
                accepted.add(signed);
            } catch (GroupChangeException e) {
                if (e.reason() == GroupChangeException.Reason.AHEAD) {
                    keepForLater(t, id, changes.subList(i, changes.size()));
                    break;
                }
                failure = e;
            }
        }
        if (joining && (states.isEmpty() || !states.get(states.size() - 1).isMember(me))) {
            throw failure != null ? failure : new GroupChangeException(GroupChangeException.Reason.NOT_A_MEMBER,
                    "a group chain that does not make this user a member");
        }
        long now = clock.millis();
        for (int i = 0; i < states.size(); i++) {
            ledger.record(t, states.get(i), accepted.get(i), me, now);
        }
        int caughtUp = applyWaiting(t, states.isEmpty() ? state : Optional.of(states.get(states.size() - 1)), now);
        if (!states.isEmpty() || caughtUp > 0) {
            LOG.log(System.Logger.Level.INFO, joining ? "joined a group" : "group membership changed");
            senderKeys.retryWaiting(t);
        }
        if (failure != null) {
            throw failure;
        }
    }
}

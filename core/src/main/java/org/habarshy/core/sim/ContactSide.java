package org.habarshy.core.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.routing.CopyBudget;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.sync.ReconcileSnapshot;
import org.habarshy.core.sync.SessionStorage;
import org.habarshy.core.sync.TransferCandidate;
import org.habarshy.core.sync.reconcile.SortedItems;

/**
 * One node's {@link SessionStorage} for one contact. It offers what the forwarding policy chose for this peer (already
 * reduced to what the peer lacks, as set reconciliation would find), and on receipt applies the copies the sender
 * handed over: the simulator passes that count beside the link, where a planned {@code EnvelopeTransfer.copies}
 * field would carry it (docs/PROTOCOL.md).
 */
final class ContactSide implements SessionStorage {
    private final SimNode self;
    private final Workload workload;
    private final ContactLedger ledger;
    /** Messages this side offers, in index order, and the copies it hands over for each. */
    private final IntList offered = new IntList();
    private final Map<Integer, Integer> offers = new HashMap<>();
    private ContactSide peer;

    ContactSide(SimNode self, Workload workload, ContactLedger ledger) {
        this.self = self;
        this.workload = workload;
        this.ledger = ledger;
    }

    void pairWith(ContactSide other) {
        this.peer = other;
    }

    void offer(int index, int copies) {
        offered.add(index);
        offers.put(index, copies);
    }

    boolean offersAnything() {
        return !offers.isEmpty();
    }

    @Override
    public List<EnvelopeId> offerableIds() {
        List<EnvelopeId> ids = new ArrayList<>(offered.size());
        for (int k = 0; k < offered.size(); k++) {
            ids.add(workload.message(offered.get(k)).id());
        }
        return ids;
    }

    @Override
    public Set<EnvelopeId> absent(Collection<EnvelopeId> ids) {
        Set<EnvelopeId> out = new LinkedHashSet<>();
        for (EnvelopeId id : ids) {
            Optional<Integer> index = workload.indexOf(id);
            boolean knownDelivered = index.isPresent() && ledger.purges() && self.delivered.get(index.get());
            if (index.isEmpty() || !self.seen.get(index.get()) && !knownDelivered) {
                out.add(id);
            }
        }
        return out;
    }

    @Override
    public Optional<EnvelopeRecord> load(EnvelopeId id) {
        Optional<Integer> found = workload.indexOf(id);
        if (found.isEmpty() || !offers.containsKey(found.get()) || !self.carried.get(found.get())) {
            return Optional.empty();
        }
        int index = found.get();
        return Optional.of(new EnvelopeRecord(workload.envelope(index), self.hops[index]));
    }

    @Override
    public Optional<EnvelopeId> receive(EnvelopeRecord envelope, String linkLabel) {
        byte[] bytes = envelope.envelope();
        Optional<Integer> found = workload.indexOf(bytes);
        if (found.isEmpty()) {
            ledger.rejected();
            return Optional.empty();
        }
        int index = found.get();
        Integer copies = peer.offers.get(index);
        if (copies == null) {
            ledger.rejected();
            return Optional.empty();
        }
        peer.handedOver(index, copies);
        ledger.received(self, index, copies, envelope.hops() + 1, bytes);
        return Optional.of(workload.message(index).id());
    }

    /**
     * Takes the copies handed over out of this side's budget once the envelope went out; handing over the whole
     * budget passes custody, and this side stops carrying the envelope.
     */
    private void handedOver(int index, int copies) {
        int held = self.budget[index];
        if (copies <= 0 || held == CopyBudget.UNLIMITED) {
            return;
        }
        if (copies >= held) {
            self.carried.clear(index);
            self.budget[index] = 0;
        } else {
            self.budget[index] = held - copies;
        }
    }

    /** Never asked: the simulator runs sync version 1 (offers stand in for reconciliation, see the class comment). */
    @Override
    public ReconcileSnapshot reconcileSnapshot() {
        return new ReconcileSnapshot(SortedItems.EMPTY, Set.of());
    }

    /** Sizes and hops of what this side may offer, for the session's transfer order. */
    @Override
    public List<TransferCandidate> describe(Collection<EnvelopeId> ids) {
        List<TransferCandidate> out = new ArrayList<>(ids.size());
        for (EnvelopeId id : ids) {
            load(id).ifPresent(r -> out.add(new TransferCandidate(id, r.envelope().length, r.hops())));
        }
        return out;
    }

    /** The simulator counts copies itself; a session's "peer holds" reports add nothing. */
    @Override
    public void peerHolds(Collection<EnvelopeId> ids) {
    }
}

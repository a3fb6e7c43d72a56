package org.habarshy.core.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.sync.reconcile.Item;
import org.habarshy.core.sync.reconcile.ReconcileException;
import org.habarshy.core.sync.reconcile.ReconcileParameters;
import org.habarshy.core.sync.reconcile.Reconciler;

/**
 * The sync protocol of one link as a pure state machine: records in, records out
 * (docs/PROTOCOL.md, section 2.3).
 *
 * <p>Version 1: each side offers every envelope the peer is not known to hold, requests what the peer
 * offers and it lacks, and answers requests. Version 2: the side that opened the link starts a
 * range-based set reconciliation over both stores; each side pushes the envelopes the peer turns out
 * to lack, without a request. In both versions envelopes stored while the link is up are offered live.
 *
 * <p>Envelopes to send wait in a {@link TransferQueue} (own, then live, then carried; smaller first) and
 * are loaded and written only while {@link SyncOutput#writable()}; call {@link #pump()} when the link
 * has room again. Not thread-safe: confine an instance to the store executor.
 */
public final class SyncSession {
    private static final System.Logger LOG = System.getLogger(SyncSession.class.getName());

    /** Most reconciliation messages one session accepts from the peer. */
    static final int MAX_RECONCILE_MESSAGES = 4_096;

    private final SessionStorage storage;
    private final SyncOutput out;
    private final String linkLabel;
    private final int version;
    private final boolean initiator;
    /** Ids the peer has shown it holds (offered, sent, reported or received from us) in this session. */
    private final Set<EnvelopeId> peerHolds = new HashSet<>();
    /** Ids requested from (version 1) or announced by (version 2) the peer and not yet received. */
    private final Set<EnvelopeId> requested = new HashSet<>();
    /** Ids offered live to the peer: if it asks for them, they go before the backlog. */
    private final Set<EnvelopeId> offeredLive = new HashSet<>();
    private final TransferQueue queue = new TransferQueue();
    /** Ids the reconciliation found the peer lacks (version 2). */
    private final Set<EnvelopeId> peerLacks = new HashSet<>();
    private final ReconcileParameters parameters;
    private Reconciler reconciler;
    private ReconcileSnapshot snapshot;
    private int reconcileMessages;
    private int reconcileSent;
    private long reconcileBytesIn;
    private long reconcileBytesOut;
    private long peerLacksCount;
    private long peerHasCount;
    private boolean peerOfferDone;
    private long received;
    private long sent;

    /** Creates a version 1 session for one link; nothing is sent until {@link #start()}. */
    public SyncSession(SessionStorage storage, SyncOutput out, String linkLabel) {
        this(storage, out, linkLabel, 1, false);
    }

    /**
     * Creates a session for one link; nothing is sent until {@link #start()}.
     *
     * @param version   the sync protocol version both sides speak (1 or 2)
     * @param initiator whether this side opened the link (it starts the reconciliation in version 2)
     */
    public SyncSession(SessionStorage storage, SyncOutput out, String linkLabel, int version, boolean initiator) {
        this(storage, out, linkLabel, version, initiator, ReconcileParameters.DEFAULT);
    }

    /** Creates a session whose reconciliation messages have the given shape (tests use small budgets). */
    SyncSession(SessionStorage storage, SyncOutput out, String linkLabel, int version, boolean initiator,
                ReconcileParameters parameters) {
        if (version < 1 || version > 2) {
            throw new IllegalArgumentException("sync version " + version);
        }
        this.storage = storage;
        this.out = out;
        this.linkLabel = linkLabel;
        this.version = version;
        this.initiator = initiator;
        this.parameters = parameters;
    }

    /** Version 1: offers everything offerable, then marks the end. Version 2: the initiator starts reconciling. */
    public void start() {
        if (version == 1) {
            offer(storage.offerableIds(), false);
            out.send(new OfferDoneRecord());
        } else if (initiator) {
            snapshot = storage.reconcileSnapshot();
            reconciler = new Reconciler(snapshot.items(), parameters);
            sendReconcile(reconciler.initiate());
        }
    }

    /** Offers envelopes that were stored after the session started, unless the peer holds them. */
    public void offerNew(List<EnvelopeId> ids) {
        offer(ids, true);
    }

    /** Handles one record from the peer; throws if the peer broke the protocol (close the link). */
    public void onRecord(SyncRecord record) throws SyncException {
        if (record instanceof OfferRecord offer) {
            onOffer(offer.ids());
        } else if (record instanceof RequestRecord request) {
            onRequest(request.ids());
        } else if (record instanceof EnvelopeRecord envelope) {
            onEnvelope(envelope);
        } else if (record instanceof OfferDoneRecord) {
            peerOfferDone = true;
        } else if (record instanceof ReconcileRecord reconcile) {
            onReconcile(reconcile.message());
        }
        pump();
    }

    /** Loads and writes queued envelopes while the link has room. */
    public void pump() {
        while (out.writable()) {
            EnvelopeId id = queue.poll();
            if (id == null) {
                return;
            }
            if (!peerHolds.add(id)) {
                continue;
            }
            Optional<EnvelopeRecord> envelope = storage.load(id);
            if (envelope.isPresent()) {
                out.sendEnvelope(envelope.get(), id);
                sent++;
            } else {
                peerHolds.remove(id);
            }
        }
    }

    private void offer(List<EnvelopeId> ids, boolean live) {
        List<EnvelopeId> chunk = new ArrayList<>();
        for (EnvelopeId id : ids) {
            if (peerHolds.contains(id) || queue.contains(id)) {
                continue;
            }
            if (live) {
                offeredLive.add(id);
            }
            chunk.add(id);
            if (chunk.size() == SyncLimits.MAX_IDS_PER_RECORD) {
                out.send(new OfferRecord(chunk));
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            out.send(new OfferRecord(chunk));
        }
    }

    private void onOffer(List<EnvelopeId> ids) {
        List<EnvelopeId> shown = new ArrayList<>();
        for (EnvelopeId id : ids) {
            if (peerHolds.add(id)) {
                shown.add(id);
            }
        }
        report(shown);
        List<EnvelopeId> wanted = new ArrayList<>();
        for (EnvelopeId id : storage.absent(ids)) {
            if (requested.add(id)) {
                wanted.add(id);
            }
        }
        if (!wanted.isEmpty()) {
            out.send(new RequestRecord(wanted));
        }
    }

    private void onRequest(List<EnvelopeId> ids) {
        List<EnvelopeId> fresh = new ArrayList<>();
        for (EnvelopeId id : ids) {
            if (!peerHolds.contains(id)) {
                fresh.add(id);
            }
        }
        enqueue(fresh, offeredLive);
    }

    private void enqueue(List<EnvelopeId> ids, Set<EnvelopeId> live) {
        if (ids.isEmpty()) {
            return;
        }
        for (TransferCandidate c : storage.describe(ids)) {
            TransferPriority priority = c.hops() == 0 ? TransferPriority.OWN
                    : live.contains(c.id()) ? TransferPriority.LIVE : TransferPriority.CARRIED;
            queue.add(c.id(), priority, c.size());
        }
    }

    private void onEnvelope(EnvelopeRecord envelope) {
        Optional<EnvelopeId> id = storage.receive(envelope, linkLabel);
        if (id.isPresent()) {
            peerHolds.add(id.get());
            requested.remove(id.get());
            received++;
        }
    }

    private void onReconcile(byte[] message) throws SyncException {
        if (version < 2) {
            throw new SyncException("reconciliation message on a version 1 link");
        }
        if (++reconcileMessages > MAX_RECONCILE_MESSAGES) {
            throw new SyncException("more than " + MAX_RECONCILE_MESSAGES + " reconciliation messages");
        }
        if (reconciler == null) {
            if (initiator) {
                throw new SyncException("reconciliation message before this side started one");
            }
            snapshot = storage.reconcileSnapshot();
            reconciler = new Reconciler(snapshot.items(), parameters);
        }
        reconcileBytesIn += message.length;
        Reconciler.Result result;
        try {
            result = reconciler.reconcile(message);
        } catch (ReconcileException e) {
            throw new SyncException("reconciliation failed: " + e.getMessage(), e);
        }
        // Answer first, so the peer's next round is not held up behind envelopes.
        result.outgoing().ifPresent(this::sendReconcile);
        List<EnvelopeId> needIds = ids(result.need());
        peerHolds.addAll(needIds);
        requested.addAll(storage.absent(needIds));
        peerHasCount += needIds.size();
        List<EnvelopeId> haveIds = ids(result.have());
        peerLacksCount += haveIds.size();
        peerLacks.addAll(haveIds);
        enqueue(haveIds, Set.of());
        if (result.done()) {
            peerOfferDone = true;
            reportOwnHeldByPeer();
            LOG.log(System.Logger.Level.INFO, "link {0} reconciled as {8}: {1} of our {2} envelopes to send, {3} to"
                    + " receive; messages out {4} ({5} bytes), in {6} ({7} bytes)", linkLabel, peerLacksCount,
                    snapshot.items().size(), peerHasCount, reconcileSent, reconcileBytesOut, reconcileMessages,
                    reconcileBytesIn, initiator ? "initiator" : "responder");
        }
    }

    private void sendReconcile(byte[] message) {
        reconcileSent++;
        reconcileBytesOut += message.length;
        out.send(new ReconcileRecord(message));
    }

    /**
     * After a complete reconciliation, the peer holds every item of this side's snapshot it was not
     * found to lack: its own envelopes among them count as carried by this peer.
     */
    private void reportOwnHeldByPeer() {
        List<EnvelopeId> shown = new ArrayList<>();
        for (EnvelopeId id : snapshot.own()) {
            if (!peerLacks.contains(id) && peerHolds.add(id)) {
                shown.add(id);
            }
        }
        report(shown);
    }

    private void report(List<EnvelopeId> shown) {
        if (!shown.isEmpty()) {
            storage.peerHolds(shown);
        }
    }

    private static List<EnvelopeId> ids(List<Item> items) {
        List<EnvelopeId> ids = new ArrayList<>(items.size());
        for (Item item : items) {
            ids.add(item.id());
        }
        return ids;
    }

    /** Returns the link's log-safe label. */
    public String linkLabel() {
        return linkLabel;
    }

    /** Returns the sync protocol version of this session. */
    public int version() {
        return version;
    }

    /**
     * Returns true once the peer finished its initial offers (version 1) or the reconciliation is over
     * (version 2).
     */
    public boolean peerOfferDone() {
        return peerOfferDone;
    }

    /** Returns how many envelopes the peer is known to be sending (requested or announced) that have not arrived. */
    public int outstandingRequests() {
        return requested.size();
    }

    /** Returns how many envelopes wait to be sent. */
    public int queuedCount() {
        return queue.size();
    }

    /** Returns how many envelopes this session received. */
    public long receivedCount() {
        return received;
    }

    /** Returns how many envelopes this session sent. */
    public long sentCount() {
        return sent;
    }
}

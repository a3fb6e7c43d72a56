package org.habarshy.core.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * The sync protocol of one link as a pure state machine: records in, records out. It offers every
 * envelope the peer is not known to hold, requests what the peer offers and this node lacks, and
 * answers requests. Not thread-safe: confine an instance to the store executor.
 */
public final class SyncSession {
    private final SyncStorage storage;
    private final SyncOutput out;
    private final String linkLabel;
    /** Ids the peer has shown it holds (offered, sent or received from us) in this session. */
    private final Set<EnvelopeId> peerHolds = new HashSet<>();
    /** Ids requested from the peer and not yet received. */
    private final Set<EnvelopeId> requested = new HashSet<>();
    private boolean peerOfferDone;
    private long received;
    private long sent;

    /** Creates a session for one link; nothing is sent until {@link #start()}. */
    public SyncSession(SyncStorage storage, SyncOutput out, String linkLabel) {
        this.storage = storage;
        this.out = out;
        this.linkLabel = linkLabel;
    }

    /** Offers everything offerable, then marks the end of the initial offers. */
    public void start() {
        offer(storage.offerableIds());
        out.send(new OfferDoneRecord());
    }

    /** Offers envelopes that were stored after the session started, unless the peer holds them. */
    public void offerNew(List<EnvelopeId> ids) {
        offer(ids);
    }

    /** Handles one record from the peer. */
    public void onRecord(SyncRecord record) {
        if (record instanceof OfferRecord offer) {
            onOffer(offer.ids());
        } else if (record instanceof RequestRecord request) {
            onRequest(request.ids());
        } else if (record instanceof EnvelopeRecord envelope) {
            onEnvelope(envelope);
        } else if (record instanceof OfferDoneRecord) {
            peerOfferDone = true;
        }
    }

    private void offer(List<EnvelopeId> ids) {
        List<EnvelopeId> chunk = new ArrayList<>();
        for (EnvelopeId id : ids) {
            if (peerHolds.contains(id)) {
                continue;
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
        peerHolds.addAll(ids);
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
        for (EnvelopeId id : ids) {
            Optional<EnvelopeRecord> envelope = storage.load(id);
            if (envelope.isPresent() && peerHolds.add(id)) {
                out.sendEnvelope(envelope.get(), id);
                sent++;
            }
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

    /** Returns true once the peer finished its initial offers. */
    public boolean peerOfferDone() {
        return peerOfferDone;
    }

    /** Returns how many envelopes were requested from the peer and have not arrived yet. */
    public int outstandingRequests() {
        return requested.size();
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

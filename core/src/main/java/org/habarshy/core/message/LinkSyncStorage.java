package org.habarshy.core.message;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.EnvelopeSummary;
import org.habarshy.core.store.MessageStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.sync.ReconcileSnapshot;
import org.habarshy.core.sync.SessionStorage;
import org.habarshy.core.sync.SyncLimits;
import org.habarshy.core.sync.SyncStorage;
import org.habarshy.core.sync.TransferCandidate;
import org.habarshy.core.sync.reconcile.SortedItems;

/**
 * The store as every link's sync session sees it: the envelope paths of {@link EnvelopeIngest}, plus
 * reconciliation snapshots read from the {@code envelopes_reconcile} index, transfer ordering data
 * and "carried by" counts of the user's outgoing messages. Store executor only.
 */
public final class LinkSyncStorage implements SessionStorage {
    private static final System.Logger LOG = System.getLogger(LinkSyncStorage.class.getName());

    private final SyncStorage envelopesPath;
    private final Database db;
    private final EnvelopeStore envelopes;
    private final MessageStore messages;
    private final Clock clock;
    private final AttachmentHook attachments;

    /** Creates the storage view; {@code envelopesPath} handles offers, requests and received envelopes. */
    public LinkSyncStorage(SyncStorage envelopesPath, Database db, EnvelopeStore envelopes, MessageStore messages,
                           Clock clock) {
        this(envelopesPath, db, envelopes, messages, clock, null);
    }

    /** Creates the storage view that also counts carriers of outgoing file and report envelopes. */
    public LinkSyncStorage(SyncStorage envelopesPath, Database db, EnvelopeStore envelopes, MessageStore messages,
                           Clock clock, AttachmentHook attachments) {
        this.attachments = attachments;
        this.envelopesPath = envelopesPath;
        this.db = db;
        this.envelopes = envelopes;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<EnvelopeId> offerableIds() {
        return envelopesPath.offerableIds();
    }

    @Override
    public Set<EnvelopeId> absent(Collection<EnvelopeId> ids) {
        return envelopesPath.absent(ids);
    }

    @Override
    public Optional<EnvelopeRecord> load(EnvelopeId id) {
        return envelopesPath.load(id);
    }

    @Override
    public Optional<EnvelopeId> receive(EnvelopeRecord envelope, String linkLabel) {
        return envelopesPath.receive(envelope, linkLabel);
    }

    /**
     * Reads the offerable envelopes in reconciliation order from the covering index into a compact
     * in-memory set (72 bytes per envelope), so the session's view cannot change under it. A store error
     * gives an empty snapshot: the peer then pushes what it has and nothing is lost.
     */
    @Override
    public ReconcileSnapshot reconcileSnapshot() {
        SortedItems.Builder items = SortedItems.builder();
        Set<EnvelopeId> own = new HashSet<>();
        try {
            db.read(t -> envelopes.scanOfferable(t, clock.millis(), SyncLimits.MAX_HOPS, (createdAt, id, hops) -> {
                items.add(createdAt, id);
                if (hops == 0) {
                    own.add(new EnvelopeId(id));
                }
            }));
            return new ReconcileSnapshot(items.build(), own);
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list envelopes to reconcile: " + e.getMessage());
            return new ReconcileSnapshot(SortedItems.EMPTY, Set.of());
        }
    }

    @Override
    public List<TransferCandidate> describe(Collection<EnvelopeId> ids) {
        try {
            long now = clock.millis();
            List<TransferCandidate> out = new ArrayList<>(ids.size());
            for (EnvelopeSummary s : db.read(t -> envelopes.summaries(t, ids))) {
                if (s.expiresAt() > now && s.hops() < SyncLimits.MAX_HOPS) {
                    out.add(new TransferCandidate(s.id(), s.size(), s.hops()));
                }
            }
            return out;
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot look up envelopes to send: " + e.getMessage());
            return List.of();
        }
    }

    @Override
    public void peerHolds(Collection<EnvelopeId> ids) {
        carried(ids);
    }

    /** Counts one more link session for each of the user's outgoing messages among {@code ids}. */
    public void carried(Collection<EnvelopeId> ids) {
        try {
            int n = db.write(t -> messages.addCarrier(t, ids)
                    + (attachments == null ? 0 : attachments.carried(t, ids)));
            if (n > 0) {
                LOG.log(System.Logger.Level.DEBUG, "{0} outgoing message(s) carried by one more peer", n);
            }
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot count carriers of outgoing messages: " + e.getMessage());
        }
    }
}

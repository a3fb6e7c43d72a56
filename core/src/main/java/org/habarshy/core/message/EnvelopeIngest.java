package org.habarshy.core.message;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.compact.CompactCarrier;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeHeader;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.GroupMessageFormat;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.routing.CarryLimits;
import org.habarshy.core.routing.CarryQuota;
import org.habarshy.core.routing.FloodCounters;
import org.habarshy.core.routing.Rejection;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeRef;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.PendingOpenStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.StoredEnvelope;
import org.habarshy.core.store.Transaction;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.sync.SyncLimits;
import org.habarshy.core.sync.SyncStorage;
import org.habarshy.core.wire.ContentCodec;
import org.habarshy.core.wire.MalformedRecordException;

/**
 * The node's side of sync: what to offer, what is missing, and what to do with an envelope a peer
 * sent. Incoming envelopes are checked (size, header, expiry, clock skew), identified by the hash of
 * their exact bytes, stored sealed, and then trial-opened on the crypto executor; only verified
 * content reaches the {@link Inbox}. Envelopes of unknown versions are stored and carried unopened.
 * Envelopes for others are kept within the {@link CarryQuota}; every refusal is counted by reason in
 * {@link FloodCounters}.
 *
 * <p>Group commit: {@link #receive} validates an envelope and queues it; a {@link #flush()} task, queued on the
 * store executor behind the records already waiting there, stores every queued envelope with its pending-open
 * row in one transaction, and clears the pending-open rows of envelopes opened since. Nothing depends on an
 * envelope before that commit (opening and announcing start after it, and peers are never acknowledged per
 * envelope), so a kill -9 loses at most envelopes the peer offers again at the next sync. Store methods run on
 * the store executor.
 */
public final class EnvelopeIngest implements SyncStorage {
    private static final System.Logger LOG = System.getLogger(EnvelopeIngest.class.getName());
    private static final int OFFER_SCAN_LIMIT = 1_000_000;
    private static final int RESUME_LIMIT = 100_000;
    /** Most envelopes committed in one transaction. */
    static final int MAX_BATCH = 256;
    /** Envelope bytes at which a batch is committed at once. */
    static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

    private final Database db;
    private final EnvelopeStore envelopes;
    private final EnvelopeOpener opener;
    private final Inbox inbox;
    private final Executor cryptoExecutor;
    private final Executor storeExecutor;
    private final Runnable announce;
    private final Clock clock;
    private final PendingOpenStore pending = new PendingOpenStore();
    private final ContentCodec codec = new ContentCodec();
    private final CarryQuota quota;
    private final FloodCounters counters;
    private final List<Arrival> batch = new ArrayList<>();
    private final List<EnvelopeId> openedIds = new ArrayList<>();
    private long batchBytes;
    private boolean flushScheduled;
    private boolean quotaLoaded;
    private volatile GroupTraffic groups;
    private volatile CompactInbox compactInbox;

    /**
     * Creates the ingest path with the default carry limits; {@code announce} offers newly stored envelopes to
     * all links.
     */
    public EnvelopeIngest(Database db, EnvelopeStore envelopes, EnvelopeOpener opener, Inbox inbox,
                          Executor cryptoExecutor, Executor storeExecutor, Runnable announce, Clock clock) {
        this(db, envelopes, opener, inbox, cryptoExecutor, storeExecutor, announce, clock, CarryLimits.DEFAULTS,
                new FloodCounters());
    }

    /**
     * Creates the ingest path; {@code announce} offers newly stored envelopes to all links, {@code limits} bound
     * what is carried for others and {@code counters} count what is refused or evicted.
     */
    public EnvelopeIngest(Database db, EnvelopeStore envelopes, EnvelopeOpener opener, Inbox inbox,
                          Executor cryptoExecutor, Executor storeExecutor, Runnable announce, Clock clock,
                          CarryLimits limits, FloodCounters counters) {
        this.counters = counters;
        this.quota = new CarryQuota(limits, envelopes, counters);
        this.db = db;
        this.envelopes = envelopes;
        this.opener = opener;
        this.inbox = inbox;
        this.cryptoExecutor = cryptoExecutor;
        this.storeExecutor = storeExecutor;
        this.announce = announce;
        this.clock = clock;
    }

    /**
     * Opens compact carrier envelopes (kind 0x05, docs/PROTOCOL.md §15) with {@code inbox} from now on; without it
     * they are only carried. Call before the node starts.
     */
    public void openCompactWith(CompactInbox inbox) {
        this.compactInbox = inbox;
    }

    /**
     * Returns true if this node opens envelopes with this header: sealed envelopes, and group messages and compact
     * carriers when their handlers are set.
     */
    private boolean opens(EnvelopeHeader header) {
        return header.supported() || (groups != null && GroupMessageFormat.isGroupMessage(header))
                || (compactInbox != null && header.version() == EnvelopeFormat.VERSION
                        && header.kind() == CompactCarrier.KIND);
    }

    @Override
    public List<EnvelopeId> offerableIds() {
        try {
            List<EnvelopeRef> refs = db.read(t -> envelopes.liveAfter(t, 0, clock.millis(), OFFER_SCAN_LIMIT));
            List<EnvelopeId> ids = new ArrayList<>(refs.size());
            for (EnvelopeRef ref : refs) {
                ids.add(ref.id());
            }
            return ids;
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list envelopes to offer: " + e.getMessage());
            return List.of();
        }
    }

    @Override
    public Set<EnvelopeId> absent(Collection<EnvelopeId> ids) {
        try {
            return db.read(t -> envelopes.absent(t, ids));
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot check offered envelopes: " + e.getMessage());
            return Set.of();
        }
    }

    @Override
    public Optional<EnvelopeRecord> load(EnvelopeId id) {
        try {
            Optional<StoredEnvelope> stored = db.read(t -> envelopes.find(t, id));
            return stored.filter(e -> e.expiresAt() > clock.millis() && e.hops() < SyncLimits.MAX_HOPS)
                    .map(e -> new EnvelopeRecord(e.bytes(), e.hops()));
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot load a requested envelope: " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<EnvelopeId> receive(EnvelopeRecord record, String linkLabel) {
        long now = clock.millis();
        EnvelopeAcceptance.Verdict verdict = EnvelopeAcceptance.check(record, now);
        if (verdict.rejection().isPresent()) {
            return reject(linkLabel, verdict.rejection().get());
        }
        EnvelopeHeader header = verdict.header().orElseThrow();
        byte[] bytes = record.envelope();
        if (!ensureQuotaLoaded()) {
            return Optional.empty();
        }
        if (quota.usedBytes(linkLabel) + bytes.length > quota.limits().originQuotaBytes()) {
            return reject(linkLabel, Rejection.ORIGIN_QUOTA);
        }
        EnvelopeId id = EnvelopeFormat.idOf(bytes);
        StoredEnvelope stored = new StoredEnvelope(id, bytes, header.createdAt(), header.expiresAt(),
                record.hops() + 1, now);
        batch.add(new Arrival(stored, linkLabel, opens(header)));
        batchBytes += bytes.length;
        if (batch.size() >= MAX_BATCH || batchBytes >= MAX_BATCH_BYTES) {
            flush();
        } else {
            scheduleFlush();
        }
        return Optional.of(id);
    }

    /**
     * Commits, in one transaction, every envelope received since the last flush (each with its pending-open
     * row, after the carry quota made room for it) and every pending-open row whose envelope finished opening;
     * then schedules opening of the new envelopes and announces them. Runs by itself on the store executor
     * after the records already queued there; call it directly only to drain (node shutdown). Store executor
     * only.
     */
    public void flush() {
        flushScheduled = false;
        if (batch.isEmpty() && openedIds.isEmpty()) {
            return;
        }
        List<Arrival> arrivals = new ArrayList<>(batch);
        List<EnvelopeId> done = new ArrayList<>(openedIds);
        batch.clear();
        openedIds.clear();
        batchBytes = 0;
        if (!ensureQuotaLoaded()) {
            return;
        }
        List<Arrival> fresh;
        try {
            fresh = db.write(t -> storeAll(t, arrivals, done));
        } catch (StoreException e) {
            // Nothing of the batch is stored: peers offer the envelopes again, pending rows are retried at start.
            LOG.log(System.Logger.Level.WARNING, "cannot store incoming envelopes: " + e.getMessage());
            quotaLoaded = false;
            return;
        }
        for (Arrival a : fresh) {
            if (a.supported()) {
                byte[] bytes = a.envelope().bytes();
                cryptoExecutor.execute(() -> open(a.envelope().id(), bytes));
            }
        }
        if (!fresh.isEmpty()) {
            announce.run();
        }
    }

    private List<Arrival> storeAll(Transaction t, List<Arrival> arrivals, List<EnvelopeId> done)
            throws StoreException {
        List<Arrival> fresh = new ArrayList<>();
        long now = clock.millis();
        for (Arrival a : arrivals) {
            EnvelopeId id = a.envelope().id();
            if (envelopes.contains(t, id)) {
                counters.reject(Rejection.DUPLICATE);
                continue;
            }
            Optional<Rejection> refused = quota.admit(t, a.origin(), a.envelope().size(), now);
            if (refused.isPresent()) {
                reject(a.origin(), refused.get());
                continue;
            }
            envelopes.insertCarried(t, a.envelope(), a.origin(), a.supported() ? 1 : 0);
            if (a.supported()) {
                pending.add(t, id);
            }
            fresh.add(a);
        }
        for (EnvelopeId id : done) {
            pending.remove(t, id);
        }
        return fresh;
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            storeExecutor.execute(this::flush);
        }
    }

    private boolean ensureQuotaLoaded() {
        if (quotaLoaded) {
            return true;
        }
        try {
            db.read(t -> {
                quota.reload(t);
                return null;
            });
            quotaLoaded = true;
            return true;
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the carry quota usage: " + e.getMessage());
            return false;
        }
    }

    /** Re-reads the quota usage before the next envelope (after housekeeping deleted envelopes). */
    public void quotaChanged() {
        quotaLoaded = false;
    }

    /** Returns the bytes of carried envelopes held, as the quota counts them. Store executor only. */
    public long carriedBytes() {
        ensureQuotaLoaded();
        return quota.usedBytes();
    }

    /**
     * Queues for opening every envelope that was stored but not yet opened when the node last
     * stopped (for example after a kill -9). Store executor only.
     */
    public void resumePending() {
        try {
            for (StoredEnvelope envelope : db.read(t -> pending.pending(t, RESUME_LIMIT))) {
                byte[] bytes = envelope.bytes();
                cryptoExecutor.execute(() -> open(envelope.id(), bytes));
            }
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot resume opening stored envelopes: " + e.getMessage());
        }
    }

    /** Hands group message envelopes (kind 0x04) to {@code traffic}; call before the node starts. */
    public void handleGroupMessages(GroupTraffic traffic) {
        this.groups = traffic;
    }

    /** Hands a group message to the group layer on the store executor; it stays pending if that fails. */
    private void openGroupMessage(EnvelopeId id, byte[] bytes) {
        try {
            groups.acceptGroupMessage(id, bytes);
            openedIds.add(id);
            scheduleFlush();
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store an incoming group message: " + e.getMessage());
        }
    }

    /** Trial-opens an envelope (crypto executor), then hands verified content to the inbox. */
    private void open(EnvelopeId id, byte[] bytes) {
        GroupTraffic traffic = groups;
        if (traffic != null && bytes.length > 1 && bytes[0] == EnvelopeFormat.VERSION
                && bytes[1] == GroupMessageFormat.KIND_GROUP) {
            storeExecutor.execute(() -> openGroupMessage(id, bytes));
            return;
        }
        CompactInbox compact = compactInbox;
        if (compact != null && CompactCarrier.isCarrier(bytes)) {
            compact.open(id, bytes, () -> {
                openedIds.add(id);
                scheduleFlush();
            });
            return;
        }
        Optional<OpenedEnvelope> opened = Optional.empty();
        MessageContent content = null;
        try {
            opened = opener.open(bytes);
            if (opened.isPresent()) {
                content = codec.decode(opened.get().content());
            }
        } catch (GeneralSecurityException e) {
            LOG.log(System.Logger.Level.WARNING, "envelope rejected: signature does not verify");
        } catch (MalformedEnvelopeException | MalformedRecordException e) {
            LOG.log(System.Logger.Level.WARNING, "envelope for this node is malformed: " + e.getMessage());
        }
        Optional<OpenedEnvelope> result = opened;
        MessageContent verified = content;
        storeExecutor.execute(() -> finishOpening(id, result, verified));
    }

    private void finishOpening(EnvelopeId id, Optional<OpenedEnvelope> opened, MessageContent content) {
        try {
            if (opened.isPresent() && content != null) {
                inbox.accept(opened.get(), content);
            }
            openedIds.add(id);
            scheduleFlush();
        } catch (StoreException e) {
            // The envelope stays pending and is opened again at the next start.
            LOG.log(System.Logger.Level.WARNING, "cannot store an incoming message: " + e.getMessage());
        }
    }

    private Optional<EnvelopeId> reject(String linkLabel, Rejection reason) {
        counters.reject(reason);
        LOG.log(System.Logger.Level.DEBUG, "refused an envelope from link {0}: {1}", linkLabel, reason.label());
        return Optional.empty();
    }

    /** Returns how many incoming envelopes were refused (duplicates not included). */
    public long rejectedCount() {
        return counters.rejectedTotal();
    }

    /** An envelope accepted from a link and waiting for the next {@link #flush()}. */
    private record Arrival(StoredEnvelope envelope, String origin, boolean supported) {
    }
}

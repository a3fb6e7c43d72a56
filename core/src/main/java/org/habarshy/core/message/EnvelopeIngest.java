package org.habarshy.core.message;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeHeader;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeRef;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.PendingOpenStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.StoredEnvelope;
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
 * Store methods run on the store executor.
 */
public final class EnvelopeIngest implements SyncStorage {
    private static final System.Logger LOG = System.getLogger(EnvelopeIngest.class.getName());
    private static final int OFFER_SCAN_LIMIT = 1_000_000;
    private static final int RESUME_LIMIT = 100_000;

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
    private final AtomicLong rejected = new AtomicLong();

    /** Creates the ingest path; {@code announce} offers newly stored envelopes to all links. */
    public EnvelopeIngest(Database db, EnvelopeStore envelopes, EnvelopeOpener opener, Inbox inbox,
                          Executor cryptoExecutor, Executor storeExecutor, Runnable announce, Clock clock) {
        this.db = db;
        this.envelopes = envelopes;
        this.opener = opener;
        this.inbox = inbox;
        this.cryptoExecutor = cryptoExecutor;
        this.storeExecutor = storeExecutor;
        this.announce = announce;
        this.clock = clock;
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
        byte[] bytes = record.envelope();
        EnvelopeHeader header;
        try {
            header = EnvelopeFormat.parseHeader(bytes);
        } catch (MalformedEnvelopeException e) {
            return reject(linkLabel, "malformed envelope: " + e.getMessage());
        }
        long now = clock.millis();
        if (header.expiresAt() <= now) {
            return reject(linkLabel, "expired envelope");
        }
        if (header.createdAt() > now + MessageLimits.MAX_CLOCK_SKEW.toMillis()) {
            return reject(linkLabel, "envelope created in the future");
        }
        if (header.expiresAt() - header.createdAt() > MessageLimits.MAX_TTL.toMillis()) {
            return reject(linkLabel, "envelope lifetime too long");
        }
        EnvelopeId id = EnvelopeFormat.idOf(bytes);
        StoredEnvelope stored = new StoredEnvelope(id, bytes, header.createdAt(), header.expiresAt(),
                record.hops() + 1, now);
        boolean fresh;
        try {
            fresh = db.write(t -> {
                boolean added = envelopes.insert(t, stored);
                if (added && header.supported()) {
                    pending.add(t, id);
                }
                return added;
            });
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot store an incoming envelope: " + e.getMessage());
            return Optional.empty();
        }
        if (fresh) {
            if (header.supported()) {
                cryptoExecutor.execute(() -> open(id, bytes));
            }
            announce.run();
        }
        return Optional.of(id);
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

    /** Trial-opens an envelope (crypto executor), then hands verified content to the inbox. */
    private void open(EnvelopeId id, byte[] bytes) {
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
            db.write(t -> {
                pending.remove(t, id);
                return null;
            });
        } catch (StoreException e) {
            // The envelope stays pending and is opened again at the next start.
            LOG.log(System.Logger.Level.WARNING, "cannot store an incoming message: " + e.getMessage());
        }
    }

    private Optional<EnvelopeId> reject(String linkLabel, String reason) {
        rejected.incrementAndGet();
        LOG.log(System.Logger.Level.INFO, "rejected {0} from link {1}", reason, linkLabel);
        return Optional.empty();
    }

    /** Returns how many incoming envelopes were rejected. */
    public long rejectedCount() {
        return rejected.get();
    }
}

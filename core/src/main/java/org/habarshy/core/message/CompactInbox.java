package org.habarshy.core.message;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.api.message.ReceiptContent;
import org.habarshy.core.compact.CompactCarrier;
import org.habarshy.core.compact.CompactReceiptCodec;
import org.habarshy.core.compact.CompactTextCodec;
import org.habarshy.core.compact.MalformedCompactTextException;
import org.habarshy.core.crypto.CompactOpener;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.crypto.OpenedCompact;
import org.habarshy.core.store.ContactStore;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.MessageStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.StoredEnvelope;

/**
 * Opens compact carrier envelopes (kind 0x05) the node received: tries the compact message against every contact's
 * agreement key ({@link CompactOpener}: a 2-byte hint, then the AEAD tag), and only after the tag verified decodes
 * it. A text joins the conversation with its author like any message and is answered with a compact delivery
 * receipt (one SMS); a receipt moves this user's own messages to that contact forward. A carrier that no contact
 * authenticates is only carried. Contacts are read on the store executor, crypto runs on the crypto executor, and
 * the result is stored on the store executor again.
 */
public final class CompactInbox {
    private static final System.Logger LOG = System.getLogger(CompactInbox.class.getName());

    private final Database db;
    private final ContactStore contacts;
    private final MessageStore messages;
    private final EnvelopeStore envelopes;
    private final CompactOpener opener;
    private final CompactOutbox outbox;
    private final CompactTextCodec texts;
    private final CompactReceiptCodec receipts = new CompactReceiptCodec();
    private final Executor cryptoExecutor;
    private final Executor storeExecutor;
    private final Runnable announce;
    private final Clock clock;

    /**
     * Creates the inbox.
     *
     * @param announce run on the store executor after a receipt envelope was stored
     */
    public CompactInbox(Database db, ContactStore contacts, MessageStore messages, EnvelopeStore envelopes,
                        CompactOpener opener, CompactOutbox outbox, CompactTextCodec texts, Executor cryptoExecutor,
                        Executor storeExecutor, Runnable announce, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.cryptoExecutor = Objects.requireNonNull(cryptoExecutor, "cryptoExecutor");
        this.storeExecutor = Objects.requireNonNull(storeExecutor, "storeExecutor");
        this.announce = Objects.requireNonNull(announce, "announce");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens the carrier {@code envelope} (stored under {@code id}) and acts on it; {@code done} runs on the store
     * executor afterwards, whatever the outcome, unless storing the result failed (the carrier then stays pending
     * and is opened again at the next start). Any thread.
     */
    public void open(EnvelopeId id, byte[] envelope, Runnable done) {
        byte[] bytes = envelope.clone();
        storeExecutor.execute(() -> {
            List<Contact> known;
            try {
                known = db.read(contacts::all);
            } catch (StoreException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read contacts to open a compact message: "
                        + e.getMessage());
                return;
            }
            cryptoExecutor.execute(() -> decrypt(id, bytes, known, done));
        });
    }

    private void decrypt(EnvelopeId id, byte[] envelope, List<Contact> known, Runnable done) {
        Optional<Opened> opened = Optional.empty();
        try {
            List<AgreementKey> keys = new ArrayList<>(known.size());
            for (Contact c : known) {
                keys.add(c.card().agreementKey());
            }
            Optional<OpenedCompact> compact = opener.open(CompactCarrier.unwrap(envelope), keys);
            if (compact.isPresent()) {
                Contact author = known.get(keys.indexOf(compact.get().sender()));
                opened = Optional.of(decode(author, compact.get()));
            }
        } catch (MalformedEnvelopeException | MalformedCompactTextException e) {
            LOG.log(System.Logger.Level.WARNING, "compact message refused: " + e.getMessage());
        }
        Optional<Opened> result = opened;
        storeExecutor.execute(() -> {
            try {
                if (result.isPresent()) {
                    apply(id, result.get());
                }
                done.run();
            } catch (StoreException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot store a compact message: " + e.getMessage());
            }
        });
    }

    private Opened decode(Contact author, OpenedCompact compact) throws MalformedCompactTextException {
        byte[] plaintext = compact.plaintext();
        if (CompactReceiptCodec.isReceipt(plaintext)) {
            return new Opened(author, compact.createdAt(), null, receipts.decode(plaintext));
        }
        return new Opened(author, compact.createdAt(), texts.decode(plaintext), null);
    }

    private void apply(EnvelopeId id, Opened opened) throws StoreException {
        if (opened.receipt() != null) {
            applyReceipt(opened.author(), opened.receipt());
            return;
        }
        Message message = new Message(id, Direction.INCOMING, opened.author().card().identityKey(), opened.text(),
                opened.createdAt(), MessageState.DELIVERED);
        boolean fresh = db.write(t -> messages.insert(t, message, clock.millis()));
        if (fresh) {
            LOG.log(System.Logger.Level.INFO, "new compact message received");
            AgreementKey to = opened.author().card().agreementKey();
            cryptoExecutor.execute(() -> {
                StoredEnvelope receipt = outbox.sealReceipt(to, new ReceiptContent(List.of(id)));
                storeExecutor.execute(() -> storeReceipt(receipt));
            });
        }
    }

    private void storeReceipt(StoredEnvelope receipt) {
        try {
            db.write(t -> envelopes.insert(t, receipt));
            announce.run();
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "could not store a compact delivery receipt: " + e.getMessage());
        }
    }

    private void applyReceipt(Contact from, ReceiptContent receipt) throws StoreException {
        MessageState reached = receipt.kind() == ReceiptContent.Kind.READ ? MessageState.READ : MessageState.DELIVERED;
        int changed = db.write(t -> {
            int n = 0;
            for (EnvelopeId acknowledged : receipt.acknowledged()) {
                Optional<Message> mine = messages.find(t, acknowledged);
                if (mine.isPresent() && mine.get().direction() == Direction.OUTGOING
                        && mine.get().peer().equals(from.card().identityKey())
                        && messages.advanceState(t, acknowledged, reached)) {
                    n++;
                }
            }
            return n;
        });
        if (changed > 0) {
            LOG.log(System.Logger.Level.INFO, "{0} message(s) {1} (compact receipt)", changed, reached.label());
        }
    }

    /** What a compact message said: a text or a receipt, and who wrote it. */
    private record Opened(Contact author, long createdAt, String text, ReceiptContent receipt) {
    }
}

package org.habarshy.core.message;

import java.time.Clock;
import java.util.Objects;
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
import org.habarshy.core.crypto.CompactFormat;
import org.habarshy.core.crypto.CompactSealer;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.MessageStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.StoredEnvelope;
import org.habarshy.core.store.Transaction;

/**
 * Writes compact messages (docs/PROTOCOL.md §9.1, §15): a text or a receipt, encoded as small as the compact codecs
 * can, sealed static-static to one contact, and put in a compact carrier envelope (kind 0x05) that the mesh carries
 * and SMS relays send as the bare compact message. Thread-safe; store methods run in the caller's transaction.
 */
public final class CompactOutbox {
    /** Lifetime of compact messages written here: 7 days, as for envelopes. */
    public static final int LIFETIME_HOURS = 168;
    /** Largest compact message an SMS relay sends (16 concatenated 8-bit parts, docs/PROTOCOL.md §9.3). */
    public static final int MAX_SMS_BYTES = 16 * 134;

    private final CompactSealer sealer;
    private final CompactTextCodec texts;
    private final CompactReceiptCodec receipts = new CompactReceiptCodec();
    private final EnvelopeStore envelopes;
    private final MessageStore messages;
    private final Clock clock;

    /** Creates the outbox for one user's sealer. */
    public CompactOutbox(CompactSealer sealer, CompactTextCodec texts, EnvelopeStore envelopes, MessageStore messages,
                         Clock clock) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A compact message queued for a contact: the id of its carrier envelope and the size of the bare message. */
    public record Queued(EnvelopeId id, int compactBytes) {
        /** Returns how many 8-bit SMS the bare compact message takes (docs/PROTOCOL.md §9.3). */
        public int smsSegments() {
            return compactBytes <= 140 ? 1 : (compactBytes + 133) / 134;
        }
    }

    /**
     * Seals {@code text} for {@code contact} as a compact message and stores its carrier envelope and the outgoing
     * message (queued), in {@code txn}. Throws IllegalArgumentException if the text is empty or would need more
     * than 16 SMS.
     */
    public Queued queueText(Transaction txn, Contact contact, String text) throws StoreException {
        long now = clock.millis();
        byte[] compact = sealer.seal(contact.card().agreementKey(), texts.encode(text), now, LIFETIME_HOURS);
        if (compact.length > MAX_SMS_BYTES) {
            throw new IllegalArgumentException("text too long for SMS: " + compact.length + " bytes sealed, at most "
                    + MAX_SMS_BYTES);
        }
        StoredEnvelope carrier = carrier(compact, now);
        envelopes.insert(txn, carrier);
        messages.insert(txn, new Message(carrier.id(), Direction.OUTGOING, contact.card().identityKey(), text,
                carrier.createdAt(), MessageState.QUEUED), now);
        return new Queued(carrier.id(), compact.length);
    }

    /** Seals a compact receipt for {@code recipient} and returns its carrier, not yet stored. CPU-bound. */
    public StoredEnvelope sealReceipt(AgreementKey recipient, ReceiptContent receipt) {
        long now = clock.millis();
        return carrier(sealer.seal(recipient, receipts.encode(receipt), now, LIFETIME_HOURS), now);
    }

    private static StoredEnvelope carrier(byte[] compact, long now) {
        try {
            CompactFormat.CompactHeader header = CompactFormat.parseHeader(compact);
            byte[] bytes = CompactCarrier.wrap(compact);
            return new StoredEnvelope(EnvelopeFormat.idOf(bytes), bytes, header.createdAt(), header.expiresAt(), 0,
                    now);
        } catch (MalformedEnvelopeException e) {
            throw new IllegalStateException("sealed a compact message that does not parse", e);
        }
    }
}

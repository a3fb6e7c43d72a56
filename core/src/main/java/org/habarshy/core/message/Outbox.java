package org.habarshy.core.message;

import java.time.Clock;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.api.message.RatchetContent;
import org.habarshy.core.api.message.TextContent;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.MessageStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.StoredEnvelope;
import org.habarshy.core.store.Transaction;
import org.habarshy.core.wire.ContentCodec;

/**
 * Composes and seals outgoing content. Sealing happens on the caller's thread (never an event
 * loop); storing the envelope and the message happens in one transaction, so a message is either
 * fully queued or not at all.
 */
public final class Outbox {
    private final EnvelopeSealer sealer;
    private final ContentCodec codec = new ContentCodec();
    private final EnvelopeStore envelopes;
    private final MessageStore messages;
    private final Clock clock;

    /** Creates an outbox that seals with {@code sealer} and stores into the given stores. */
    public Outbox(EnvelopeSealer sealer, EnvelopeStore envelopes, MessageStore messages, Clock clock) {
        this.sealer = sealer;
        this.envelopes = envelopes;
        this.messages = messages;
        this.clock = clock;
    }

    /** A sealed envelope not yet stored. */
    public record Sealed(StoredEnvelope envelope, MessageContent content) {
    }

    /** Seals {@code content} for {@code recipient}. CPU-bound; call off the event loop. */
    public Sealed seal(AgreementKey recipient, MessageContent content) {
        long now = clock.millis();
        long expires = now + MessageLimits.DEFAULT_TTL.toMillis();
        byte[] bytes = sealer.seal(recipient, codec.encode(content), now, expires);
        EnvelopeId id = EnvelopeFormat.idOf(bytes);
        return new Sealed(new StoredEnvelope(id, bytes, now, expires, 0, now), content);
    }

    /** Seals a text message for {@code contact}. */
    public Sealed sealText(Contact contact, String text) {
        return seal(contact.card().agreementKey(), new TextContent(text, clock.millis()));
    }

    /**
     * Encrypts {@code text} in the forward-secret session with {@code contact}, seals the ratchet message for the
     * contact and stores envelope, message (queued) and session state, all in {@code txn}: if the transaction
     * rolls back, the session has not moved either. Runs on the store executor.
     */
    public EnvelopeId queueForwardSecretText(Transaction txn, Contact contact, String text, ForwardSecrecy sessions)
            throws StoreException {
        return queueForwardSecretText(txn, contact, text, sessions, 0);
    }

    /**
     * Like {@link #queueForwardSecretText(Transaction, Contact, String, ForwardSecrecy)} for a disappearing message:
     * with {@code disappearAfterMillis} &gt; 0, the content says so (the recipient deletes its copy that long after
     * storing it) and this copy is deleted that long from now.
     */
    public EnvelopeId queueForwardSecretText(Transaction txn, Contact contact, String text, ForwardSecrecy sessions,
                                             long disappearAfterMillis) throws StoreException {
        long now = clock.millis();
        TextContent content = new TextContent(text, now, disappearAfterMillis);
        byte[] message = sessions.encrypt(txn, contact.card().identityKey(), contact.card().agreementKey(),
                codec.encode(content));
        Sealed sealed = seal(contact.card().agreementKey(), new RatchetContent(message));
        envelopes.insert(txn, sealed.envelope());
        messages.insert(txn, new Message(sealed.envelope().id(), Direction.OUTGOING, contact.card().identityKey(),
                text, content.sentAt(), MessageState.QUEUED), now,
                disappearAfterMillis > 0 ? now + disappearAfterMillis : 0);
        return sealed.envelope().id();
    }

    /** Stores a sealed text message as queued, in {@code txn}. */
    public EnvelopeId queueText(Transaction txn, Contact contact, Sealed sealed) throws StoreException {
        TextContent text = (TextContent) sealed.content();
        envelopes.insert(txn, sealed.envelope());
        messages.insert(txn, new Message(sealed.envelope().id(), Direction.OUTGOING,
                contact.card().identityKey(), text.text(), text.sentAt(), MessageState.QUEUED), clock.millis());
        return sealed.envelope().id();
    }
}

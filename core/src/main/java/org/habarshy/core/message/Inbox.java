package org.habarshy.core.message;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.GroupContent;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.api.message.RatchetContent;
import org.habarshy.core.api.message.ReceiptContent;
import org.habarshy.core.api.message.TextContent;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.crypto.RatchetException;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.MessageStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.wire.ContentCodec;
import org.habarshy.core.wire.MalformedRecordException;

/**
 * Acts on envelopes that were opened and verified: stores incoming text messages and answers them
 * with a delivery receipt, and applies delivery and read receipts to this user's outgoing messages. A
 * receipt only counts if it comes from the message's recipient. Runs on the store executor.
 */
public final class Inbox {
    private static final System.Logger LOG = System.getLogger(Inbox.class.getName());

    private final Database db;
    private final EnvelopeStore envelopes;
    private final MessageStore messages;
    private final Outbox outbox;
    private final Executor cryptoExecutor;
    private final Executor storeExecutor;
    private final Runnable announce;
    private final Clock clock;
    private final ForwardSecrecy sessions;
    private final GroupTraffic groups;
    private final AttachmentHook attachments;
    private final ContentCodec codec = new ContentCodec();

    /**
     * Creates an inbox that refuses forward-secret (ratchet) content.
     *
     * @param announce run on the store executor after new envelopes (receipts) were stored
     */
    public Inbox(Database db, EnvelopeStore envelopes, MessageStore messages, Outbox outbox,
                 Executor cryptoExecutor, Executor storeExecutor, Runnable announce, Clock clock) {
        this(db, envelopes, messages, outbox, cryptoExecutor, storeExecutor, announce, clock, null);
    }

    /**
     * Creates the inbox; ratchet content is decrypted in {@code sessions}.
     *
     * @param announce run on the store executor after new envelopes (receipts) were stored
     */
    public Inbox(Database db, EnvelopeStore envelopes, MessageStore messages, Outbox outbox,
                 Executor cryptoExecutor, Executor storeExecutor, Runnable announce, Clock clock,
                 ForwardSecrecy sessions) {
        this(db, envelopes, messages, outbox, cryptoExecutor, storeExecutor, announce, clock, sessions, null, null);
    }

    /**
     * Creates the inbox; ratchet content is decrypted in {@code sessions}, private-group content goes to
     * {@code groups} (dropped if null), and files and reports go to {@code attachments} (dropped with a log line
     * if null).
     *
     * @param announce run on the store executor after new envelopes (receipts) were stored
     */
    public Inbox(Database db, EnvelopeStore envelopes, MessageStore messages, Outbox outbox,
                 Executor cryptoExecutor, Executor storeExecutor, Runnable announce, Clock clock,
                 ForwardSecrecy sessions, GroupTraffic groups, AttachmentHook attachments) {
        this.groups = groups;
        this.attachments = attachments;
        this.sessions = sessions;
        this.db = db;
        this.envelopes = envelopes;
        this.messages = messages;
        this.outbox = outbox;
        this.cryptoExecutor = cryptoExecutor;
        this.storeExecutor = storeExecutor;
        this.announce = announce;
        this.clock = clock;
    }

    /** Handles verified content from an opened envelope. */
    public void accept(OpenedEnvelope opened, MessageContent content) throws StoreException {
        if (content instanceof TextContent text) {
            acceptText(opened, text);
        } else if (content instanceof ReceiptContent receipt) {
            acceptReceipt(opened.sender(), receipt);
        } else if (content instanceof RatchetContent ratchet) {
            acceptRatchet(opened, ratchet);
        } else if (content instanceof GroupContent group && groups != null) {
            db.write(t -> {
                groups.acceptContent(t, opened.sender(), opened.senderAgreementKey(), group);
                return null;
            });
        } else if (attachments != null && attachments.handles(content)) {
            if (db.write(t -> attachments.accept(t, opened, content))) {
                answer(opened);
            }
        }
    }

    private void acceptText(OpenedEnvelope opened, TextContent text) throws StoreException {
        Message message = incoming(opened, text);
        long now = clock.millis();
        long expiresAt = text.disappearAfterMillis() > 0 ? now + text.disappearAfterMillis() : 0;
        boolean fresh = db.write(t -> messages.insert(t, message, now, expiresAt));
        if (fresh) {
            answer(opened);
        }
    }

    /**
     * Decrypts ratchet content and stores the text inside it in one transaction with the session's new state, so
     * a failure keeps neither. A message that does not decrypt (replayed, too far ahead, damaged, another
     * session) is dropped with a log line.
     */
    private void acceptRatchet(OpenedEnvelope opened, RatchetContent ratchet) throws StoreException {
        if (sessions == null) {
            LOG.log(System.Logger.Level.WARNING, "forward-secret message dropped: sessions are not enabled here");
            return;
        }
        Optional<Boolean> fresh = db.write(t -> {
            byte[] inner;
            try {
                inner = sessions.decrypt(t, opened.sender(), opened.senderAgreementKey(), ratchet.message());
            } catch (RatchetException e) {
                LOG.log(System.Logger.Level.WARNING, "forward-secret message dropped ({0}): {1}", e.reason(),
                        e.getMessage());
                return Optional.empty();
            }
            MessageContent content;
            try {
                content = codec.decode(inner);
            } catch (MalformedRecordException e) {
                LOG.log(System.Logger.Level.WARNING, "forward-secret message with malformed content: "
                        + e.getMessage());
                return Optional.of(false); // the session moved on; keep that, store nothing
            }
            if (content instanceof GroupContent group && groups != null) {
                groups.acceptContent(t, opened.sender(), opened.senderAgreementKey(), group);
                return Optional.of(false);
            }
            if (attachments != null && attachments.handles(content)) {
                return Optional.of(attachments.accept(t, opened, content));
            }
            if (!(content instanceof TextContent text)) {
                LOG.log(System.Logger.Level.WARNING, "forward-secret message holds no text; ignored");
                return Optional.of(false);
            }
            long now = clock.millis();
            long expiresAt = text.disappearAfterMillis() > 0 ? now + text.disappearAfterMillis() : 0;
            return Optional.of(messages.insert(t, incoming(opened, text), now, expiresAt));
        });
        if (fresh.orElse(false)) {
            answer(opened);
        }
    }

    private static Message incoming(OpenedEnvelope opened, TextContent text) {
        return new Message(opened.id(), Direction.INCOMING, opened.sender(), text.text(), text.sentAt(),
                MessageState.DELIVERED);
    }

    /** Seals a delivery receipt for a newly stored message (crypto executor), then stores it. */
    private void answer(OpenedEnvelope opened) {
        LOG.log(System.Logger.Level.INFO, "new message received");
        cryptoExecutor.execute(() -> {
            Outbox.Sealed receipt = outbox.seal(opened.senderAgreementKey(), new ReceiptContent(List.of(opened.id())));
            storeExecutor.execute(() -> storeReceipt(receipt));
        });
    }

    private void storeReceipt(Outbox.Sealed receipt) {
        try {
            db.write(t -> envelopes.insert(t, receipt.envelope()));
            announce.run();
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "could not store a delivery receipt: " + e.getMessage());
        }
    }

    private void acceptReceipt(IdentityKey from, ReceiptContent receipt) throws StoreException {
        MessageState reached = receipt.kind() == ReceiptContent.Kind.READ ? MessageState.READ : MessageState.DELIVERED;
        int delivered = db.write(t -> {
            int changed = 0;
            for (EnvelopeId id : receipt.acknowledged()) {
                Optional<Message> message = messages.find(t, id);
                if (message.isPresent() && message.get().direction() == Direction.OUTGOING
                        && message.get().peer().equals(from)
                        && messages.advanceState(t, id, reached)) {
                    changed++;
                }
            }
            if (attachments != null) {
                changed += attachments.acknowledge(t, from, receipt.acknowledged(), reached);
            }
            return changed;
        });
        if (delivered > 0) {
            LOG.log(System.Logger.Level.INFO, "{0} message(s) {1}", delivered, reached.label());
        }
    }
}

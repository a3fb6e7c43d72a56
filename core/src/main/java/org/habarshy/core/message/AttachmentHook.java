package org.habarshy.core.message;

import java.util.Collection;
import java.util.List;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.Transaction;

/**
 * Where the inbox and the link storage hand what belongs to files and reports (docs/PROTOCOL.md §13): incoming
 * manifests, chunks and reports, receipts and "carried by" counts of their outgoing envelopes. Every method runs on
 * the store executor inside the caller's transaction, so a chunk is stored together with the ratchet step that
 * decrypted it, or not at all.
 */
public interface AttachmentHook {
    /** Returns whether {@code content} is a kind this hook handles. */
    boolean handles(MessageContent content);

    /**
     * Stores verified file or report content from {@code opened}'s sender; returns true iff it was new (the inbox
     * then answers with a delivery receipt). Bad content is refused with a log line and returns false.
     */
    boolean accept(Transaction t, OpenedEnvelope opened, MessageContent content) throws StoreException;

    /** Applies a receipt from {@code from} to the outgoing file and report envelopes among {@code ids}. */
    int acknowledge(Transaction t, IdentityKey from, List<EnvelopeId> ids, MessageState reached)
            throws StoreException;

    /** Counts one more link session for each outgoing file and report envelope among {@code ids}. */
    int carried(Transaction t, Collection<EnvelopeId> ids) throws StoreException;
}

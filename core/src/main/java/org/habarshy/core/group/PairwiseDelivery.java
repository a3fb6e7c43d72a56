package org.habarshy.core.group;

import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.message.GroupContent;
import org.habarshy.core.api.message.RatchetContent;
import org.habarshy.core.message.ForwardSecrecy;
import org.habarshy.core.message.Outbox;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.Transaction;
import org.habarshy.core.wire.ContentCodec;

/**
 * Sends group content (changes, sender keys) to one member over the 1:1 path: encrypted in the forward-secret
 * session with them (docs/PROTOCOL.md §3.2), sealed to their agreement key and queued, in the caller's transaction.
 */
final class PairwiseDelivery {
    private final ForwardSecrecy sessions;
    private final Outbox outbox;
    private final EnvelopeStore envelopes;
    private final ContentCodec codec = new ContentCodec();

    PairwiseDelivery(ForwardSecrecy sessions, Outbox outbox, EnvelopeStore envelopes) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    /** Queues {@code content} for {@code member}. */
    void send(Transaction t, GroupMember member, GroupContent content) throws StoreException {
        byte[] inner = sessions.encrypt(t, member.identity(), member.agreement(), codec.encode(content));
        envelopes.insert(t, outbox.seal(member.agreement(), new RatchetContent(inner)).envelope());
    }
}

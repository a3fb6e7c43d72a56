package org.habarshy.core.message;

import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.GroupContent;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.Transaction;

/**
 * Where the inbox hands private-group traffic (implemented by {@code org.habarshy.core.group}, which depends on this
 * package, not the other way round). Both methods run on the store executor.
 */
public interface GroupTraffic {
    /**
     * Handles group content (membership changes or a sender key) from {@code sender}, whose identity the 1:1
     * envelope's signature proved, inside the caller's transaction. Refused content is logged and dropped.
     */
    void acceptContent(Transaction t, IdentityKey sender, AgreementKey senderAgreement, GroupContent content)
            throws StoreException;

    /** Handles a stored group message envelope (kind 0x04): opens it if a known sender chain signed it. */
    void acceptGroupMessage(EnvelopeId id, byte[] envelope) throws StoreException;
}

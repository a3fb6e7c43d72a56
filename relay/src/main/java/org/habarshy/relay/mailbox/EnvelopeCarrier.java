package org.habarshy.relay.mailbox;

import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.store.StoreException;

/** Hands an envelope to the relay's node for carrying ({@code Account::carry}). */
@FunctionalInterface
public interface EnvelopeCarrier {
    /** Stores {@code envelope} to be offered on every link; returns true if it was new. */
    boolean carry(byte[] envelope) throws MalformedEnvelopeException, StoreException;
}

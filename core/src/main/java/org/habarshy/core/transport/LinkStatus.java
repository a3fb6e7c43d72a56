package org.habarshy.core.transport;

/**
 * What one established link is doing.
 *
 * @param label short, log-safe label (prefix of the peer's transport key)
 * @param outgoing whether this node opened the connection
 * @param since when the link came up, Unix ms
 * @param peerOfferDone whether the peer finished its initial offers
 * @param outstandingRequests envelopes requested from the peer and not yet received
 * @param received envelopes received on this link
 * @param sent envelopes sent on this link
 */
public record LinkStatus(String label, boolean outgoing, long since, boolean peerOfferDone, int outstandingRequests,
                         long received, long sent) {
    /** Returns true while the initial exchange with the peer is still under way. */
    public boolean syncing() {
        return !peerOfferDone || outstandingRequests > 0;
    }
}

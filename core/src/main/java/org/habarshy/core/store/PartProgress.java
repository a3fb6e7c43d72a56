package org.habarshy.core.store;

import org.habarshy.core.api.message.MessageState;

/**
 * Delivery state of the outgoing envelopes of one file or report, counted in {@code attachment_parts}.
 *
 * @param parts envelopes
 * @param sent at least sent to a peer
 * @param delivered at least delivered
 * @param minCarriedBy the smallest carried-by count of any part
 * @param least the least advanced part's state
 * @param headRead whether the manifest or report envelope (index -1) was read
 */
public record PartProgress(int parts, int sent, int delivered, int minCarriedBy, MessageState least,
                           boolean headRead) {
}

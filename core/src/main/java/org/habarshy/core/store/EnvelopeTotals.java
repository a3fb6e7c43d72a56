package org.habarshy.core.store;

/**
 * How much the envelope store holds.
 *
 * @param held envelopes stored (expired ones not yet deleted included)
 * @param heldBytes their total size
 * @param carried envelopes received from peers that hold no message of this user
 * @param carriedBytes their total size
 */
public record EnvelopeTotals(long held, long heldBytes, long carried, long carriedBytes) {
}

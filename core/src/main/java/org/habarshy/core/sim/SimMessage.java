package org.habarshy.core.sim;

import org.habarshy.core.api.message.EnvelopeId;

/**
 * One simulated message: a real sealed envelope from {@code source} to {@code recipient}. Only the simulator knows
 * the recipient; nodes see the envelope bytes, as carriers would.
 *
 * @param index position in creation order
 * @param source the author's node
 * @param recipient the recipient's node
 * @param createdAt virtual creation time, milliseconds
 * @param expiresAt virtual expiry time, milliseconds
 * @param id the envelope id (hash of the bytes)
 * @param size the envelope's length in bytes
 */
public record SimMessage(int index, int source, int recipient, long createdAt, long expiresAt, EnvelopeId id,
                         int size) {
}

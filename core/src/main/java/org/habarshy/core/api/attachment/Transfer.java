package org.habarshy.core.api.attachment;

import java.util.Objects;
import org.habarshy.core.api.message.MessageState;

/**
 * How far the envelopes of an outgoing file or report text have travelled: {@code parts} envelopes in all, of which
 * {@code sent} were taken by at least one peer, {@code delivered} opened by the recipient.
 *
 * @param parts envelopes of the file (its chunks and its manifest) or of the report text (one)
 * @param sent envelopes at least {@link MessageState#SENT_TO_PEER}
 * @param delivered envelopes at least {@link MessageState#DELIVERED}
 * @param carriedBy link sessions that carried every envelope ("carried by N": the smallest count of any part)
 * @param state the whole item's state: the least advanced part's, {@link MessageState#READ} once the recipient
 *              opened the manifest or report and every part is delivered
 */
public record Transfer(int parts, int sent, int delivered, int carriedBy, MessageState state) {
    /** Checks the counts are consistent. */
    public Transfer {
        Objects.requireNonNull(state, "state");
        if (parts < 0 || sent < delivered || delivered < 0 || sent > parts || carriedBy < 0) {
            throw new IllegalArgumentException("inconsistent transfer counts");
        }
    }

    /** Returns the delivered share in whole percent (100 for an empty item). */
    public int deliveredPercent() {
        return parts == 0 ? 100 : (int) (100L * delivered / parts);
    }
}

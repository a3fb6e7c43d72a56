package org.habarshy.core.api.message;

import java.util.List;

/** Tells an author that some of their messages arrived. 1 to {@link #MAX_IDS} ids. */
public record ReceiptContent(List<EnvelopeId> acknowledged) implements MessageContent {
    /** Most ids one receipt acknowledges. */
    public static final int MAX_IDS = 256;

    /** Copies the list and checks its size. */
    public ReceiptContent {
        acknowledged = List.copyOf(acknowledged);
        if (acknowledged.isEmpty() || acknowledged.size() > MAX_IDS) {
            throw new IllegalArgumentException("receipt ids: " + acknowledged.size());
        }
    }
}

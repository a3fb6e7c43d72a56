package org.habarshy.core.api.message;

import java.util.List;
import java.util.Objects;

/**
 * Tells an author that some of their messages arrived ({@link Kind#DELIVERED}) or were seen by the recipient
 * ({@link Kind#READ}). 1 to {@link #MAX_IDS} ids.
 */
public record ReceiptContent(Kind kind, List<EnvelopeId> acknowledged) implements MessageContent {
    /** Most ids one receipt acknowledges. */
    public static final int MAX_IDS = 256;

    /** What a receipt acknowledges. */
    public enum Kind {
        /** The recipient's node opened the messages. */
        DELIVERED,
        /** The recipient looked at the messages. */
        READ
    }

    /** Copies the list and checks its size. */
    public ReceiptContent {
        Objects.requireNonNull(kind, "kind");
        acknowledged = List.copyOf(acknowledged);
        if (acknowledged.isEmpty() || acknowledged.size() > MAX_IDS) {
            throw new IllegalArgumentException("receipt ids: " + acknowledged.size());
        }
    }

    /** A delivery receipt. */
    public ReceiptContent(List<EnvelopeId> acknowledged) {
        this(Kind.DELIVERED, acknowledged);
    }
}

package org.habarshy.core.sync.reconcile;

import java.util.Objects;

/** One range of a message: it starts where the previous range ended and ends before {@code upper}. */
record Range(Bound upper, RangePayload payload) {
    Range {
        Objects.requireNonNull(upper, "upper");
        Objects.requireNonNull(payload, "payload");
    }
}

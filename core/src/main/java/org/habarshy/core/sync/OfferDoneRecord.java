package org.habarshy.core.sync;

/** Ends the initial burst of offers after a link comes up. */
public record OfferDoneRecord() implements SyncRecord {
}

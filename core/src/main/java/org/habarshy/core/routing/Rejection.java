package org.habarshy.core.routing;

/** Why an envelope offered by a peer was not stored. Each has its own counter in {@link FloodCounters}. */
public enum Rejection {
    /** The header does not parse or a field is out of range. */
    MALFORMED("malformed"),
    /** Longer than the largest envelope of any version. */
    OVERSIZED("oversized"),
    /** Its expiry time has passed. */
    EXPIRED("expired"),
    /** Created further in the future than the allowed clock skew. */
    FUTURE("future"),
    /** Its lifetime (expiry minus creation) is longer than accepted. */
    TOO_LONG_LIVED("too-long-lived"),
    /** It already crossed the hop limit; a conforming peer never sends it. */
    TOO_MANY_HOPS("too-many-hops"),
    /** Already held: not stored again (the peer is still told it arrived). */
    DUPLICATE("duplicate"),
    /** Its origin already holds its share of the quota. */
    ORIGIN_QUOTA("origin-quota"),
    /** The quota is full and nothing may be evicted for it. */
    STORE_FULL("store-full");

    private final String label;

    Rejection(String label) {
        this.label = label;
    }

    /** Returns the stable lower-case name used in the status file and the CLI. */
    public String label() {
        return label;
    }
}

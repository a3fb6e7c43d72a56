package org.habarshy.core.sync.reconcile;

/** Hard limits of the reconciliation message format (docs/PROTOCOL.md, section 7). */
public final class ReconcileLimits {
    /** First byte of every message: the sync protocol version that defines the format. */
    public static final int FORMAT_VERSION = 2;
    /** Largest message accepted from a peer, version byte included. */
    public static final int MAX_MESSAGE_BYTES = 65_536;
    /** Most ranges in one message. */
    public static final int MAX_RANGES = 8_192;
    /** Most items in one id list (an IdList, or each half of a Difference). */
    public static final int MAX_LIST_ITEMS = 1_024;
    /** Longest id prefix of a bound. */
    public static final int MAX_PREFIX_BYTES = 32;
    /** Length of a range fingerprint. */
    public static final int FINGERPRINT_BYTES = 16;
    /** Longest varint: nine 7-bit groups hold every value below 2^63. */
    public static final int MAX_VARINT_BYTES = 9;

    private ReconcileLimits() {
    }
}

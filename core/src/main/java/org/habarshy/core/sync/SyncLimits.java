package org.habarshy.core.sync;

/** Protocol limits of sync version 1 (docs/PROTOCOL.md). */
public final class SyncLimits {
    /** Most envelope ids in one Offer or Request. */
    public static final int MAX_IDS_PER_RECORD = 1024;
    /** Most links an envelope may cross; copies at the limit are kept but not offered on. */
    public static final int MAX_HOPS = 16;

    private SyncLimits() {
    }
}

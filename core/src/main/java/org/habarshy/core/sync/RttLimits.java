package org.habarshy.core.sync;

/** Bounds of the real-time-text frames (docs/PROTOCOL.md section 14). */
public final class RttLimits {
    /** Length of one contact tag. */
    public static final int TAG_BYTES = 16;
    /** Most tags in one announce: the conversations one user can have real-time text on at once. */
    public static final int MAX_TAGS = 32;
    /** Most UTF-8 bytes of one draft update; a longer draft is sent as its tail. */
    public static final int MAX_TEXT_BYTES = 1024;

    private RttLimits() {
    }
}

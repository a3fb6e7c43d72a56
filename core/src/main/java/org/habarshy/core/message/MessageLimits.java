package org.habarshy.core.message;

import java.time.Duration;

/** Policy limits for envelopes this node writes and accepts. */
public final class MessageLimits {
    /** How long a new envelope lives before every node drops it. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);
    /** Longest lifetime accepted on an incoming envelope. */
    public static final Duration MAX_TTL = Duration.ofDays(30);
    /** How far in the future an incoming envelope's creation time may be (clock skew). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private MessageLimits() {
    }
}

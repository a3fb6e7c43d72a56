package org.habarshy.relay.sms;

/** What {@link SmsBridge#forward} did with one envelope the relay holds, for one SMS peer. */
public enum ForwardResult {
    /** Queued for the peer; its cursor moved past the envelope. */
    QUEUED,
    /** The envelope arrived over SMS from this very peer: not sent back (no ping-pong); cursor moved. */
    SKIPPED_FROM_PEER,
    /** Refused for good (malformed, too large, expired); cursor moved. */
    REFUSED,
    /** A daily budget (all origins or this peer's) is spent: nothing queued, cursor not moved, try again tomorrow. */
    DEFERRED_BUDGET
}

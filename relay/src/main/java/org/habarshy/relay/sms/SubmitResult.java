package org.habarshy.relay.sms;

/** What {@link SmsBridge} did with a payload handed to it for sending. */
public enum SubmitResult {
    /** Stored in the queue; it will be sent, retried on gateway errors, and its parts resent on request. */
    QUEUED,
    /** Neither a version-1 envelope nor a compact message, or its header does not parse. */
    REFUSED_MALFORMED,
    /** Larger than 16 SMS. */
    REFUSED_TOO_LARGE,
    /** Already expired. */
    REFUSED_EXPIRED,
    /** The relay's daily SMS budget would be exceeded. */
    REFUSED_DAILY_BUDGET,
    /** This origin's daily SMS budget would be exceeded. */
    REFUSED_ORIGIN_BUDGET
}

package org.habarshy.relay.sms.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/** A gateway refused or failed to send one SMS; {@link #kind()} tells the queue whether and when to retry. */
public final class SmsSendException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, from the queue's point of view. */
    public enum Kind {
        /** The gateway asks us to slow down (SMPP ESME_RTHROTTLED, HTTP 429): retry after {@link #retryAfter()}. */
        THROTTLED,
        /** Link down, timeout, server error: retry with back-off. */
        TRANSIENT,
        /** The gateway will never accept this SMS (bad number, refused content): give up on it. */
        PERMANENT
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    /** Creates the exception; the message must not contain phone numbers or payload. */
    public SmsSendException(Kind kind, String message, Duration retryAfter) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    /** Creates the exception with a cause; the message must not contain phone numbers or payload. */
    public SmsSendException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryAfter = Duration.ZERO;
    }

    /** Returns the kind of failure. */
    public Kind kind() {
        return kind;
    }

    /** Returns the delay the gateway asked for, or zero if it named none. */
    public Duration retryAfter() {
        return retryAfter == null ? Duration.ZERO : retryAfter;
    }
}

package org.habarshy.core.sync;

/**
 * The peer broke the sync protocol (a malformed or contradictory reconciliation message, a record
 * its protocol version does not allow). The session is over; the link should be closed.
 */
public final class SyncException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates an exception stating what was wrong. */
    public SyncException(String message) {
        super(message);
    }

    /** Creates an exception stating what was wrong, with its cause. */
    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}

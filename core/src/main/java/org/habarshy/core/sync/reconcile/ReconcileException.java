package org.habarshy.core.sync.reconcile;

/**
 * A reconciliation message was malformed, exceeded a limit, or contradicted what the peer said
 * earlier. The session that raised it is over; the link should be closed.
 */
public final class ReconcileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates an exception stating what was wrong. */
    public ReconcileException(String message) {
        super(message);
    }
}

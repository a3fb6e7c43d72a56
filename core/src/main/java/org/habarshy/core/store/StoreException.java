package org.habarshy.core.store;

import java.util.Objects;

/**
 * A storage failure. The message is a complete sentence that can be shown to the user; {@link #reason()}
 * says what kind of failure it was so callers can react (for example retry on {@link Reason#BUSY}).
 */
public final class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure happened. */
    public enum Reason {
        /** The file is damaged, is not an SQLite database, or is not a Habarshy database. */
        CORRUPT,
        /** The disk (or quota) is full; nothing was written by the failed transaction. */
        DISK_FULL,
        /** Another process held the database lock for longer than the busy timeout. */
        BUSY,
        /** The row (for example a contact alias or key) already exists. */
        DUPLICATE,
        /** Any other input/output or database failure, including a schema newer than this program. */
        IO
    }

    private final Reason reason;

    /** Creates an exception with a user-presentable message. */
    public StoreException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** Creates an exception with a user-presentable message and the low-level cause. */
    public StoreException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Returns what kind of failure this is. */
    public Reason reason() {
        return reason;
    }
}

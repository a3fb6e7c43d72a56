package org.habarshy.core.attachment;

/** A file or report could not be sent, found or saved; the message says why in words a user understands. */
public final class AttachmentException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The file is larger than the limit, or a report has too many files. */
        TOO_LARGE,
        /** The file could not be read or written. */
        IO,
        /** No file matches the id given. */
        NOT_FOUND,
        /** Several files match the id prefix given. */
        AMBIGUOUS,
        /** The file has not arrived completely yet. */
        INCOMPLETE,
        /** The file arrived damaged and was dropped. */
        FAILED,
        /** The title, text or file name is not allowed. */
        INVALID
    }

    private final Reason reason;

    /** Creates an exception with a user-presentable message. */
    public AttachmentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Creates an exception with a user-presentable message and its cause. */
    public AttachmentException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Returns what went wrong. */
    public Reason reason() {
        return reason;
    }
}

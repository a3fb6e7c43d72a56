package org.habarshy.core.mailbox;

/** A mailbox or relay request the user can fix (unknown relay, relay without mailboxes, bad quota). */
public final class MailboxException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the user. */
    public MailboxException(String message) {
        super(message);
    }
}

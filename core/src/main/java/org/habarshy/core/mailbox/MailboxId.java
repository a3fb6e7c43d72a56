package org.habarshy.core.mailbox;

import org.habarshy.core.api.ByteKey;

/** A mailbox's 16-byte id, derived from the user's mailbox key ({@link MailboxFormat#idOf}). */
public final class MailboxId extends ByteKey {
    /** Wraps a copy of 16 bytes. */
    public MailboxId(byte[] bytes) {
        super(bytes, MailboxFormat.ID_BYTES, "mailbox id");
    }
}

package org.habarshy.desktop.gui.model;

import java.nio.file.FileAlreadyExistsException;
import org.habarshy.core.identity.IdentityFileException;
import org.habarshy.core.identity.InvalidContactCodeException;
import org.habarshy.core.mailbox.InvalidCodeException;
import org.habarshy.core.mailbox.MailboxException;
import org.habarshy.core.node.ContactKeyChangedException;
import org.habarshy.core.node.UnknownContactException;
import org.habarshy.core.store.StoreException;

/**
 * A failure shown to the user: a resource key for the headline in their language, and the detail from the core
 * (English, never secret) or empty.
 *
 * @param key resource key of the headline
 * @param detail the technical detail, or empty
 */
public record UserError(String key, String detail) {
    /** Returns the user-facing error for {@code e}. */
    public static UserError of(Exception e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof InvalidContactCodeException) {
            return new UserError("error.contactCode", detail);
        }
        if (e instanceof ContactKeyChangedException) {
            return new UserError("error.contactKeyChanged", detail);
        }
        if (e instanceof IdentityFileException identity) {
            switch (identity.reason()) {
                case WRONG_PASSPHRASE:
                    return new UserError("error.wrongPassphrase", "");
                case PASSPHRASE_REQUIRED:
                    return new UserError("error.passphraseRequired", "");
                default:
                    return new UserError("error.identityDamaged", detail);
            }
        }
        if (e instanceof FileAlreadyExistsException) {
            return new UserError("error.identityExists", "");
        }
        if (e instanceof InvalidCodeException) {
            return new UserError("relay.codeInvalid", detail);
        }
        if (e instanceof MailboxException) {
            return new UserError("relay.mailboxRefused", detail);
        }
        if (e instanceof UnknownContactException) {
            return new UserError("error.unknownContact", detail);
        }
        if (e instanceof StoreException store) {
            if (store.reason() == StoreException.Reason.DUPLICATE) {
                return new UserError("error.duplicateContact", detail);
            }
            if (store.reason() == StoreException.Reason.DISK_FULL) {
                return new UserError("error.diskFull", "");
            }
            return new UserError("error.store", detail);
        }
        if (e instanceof IllegalArgumentException) {
            return new UserError("error.invalid", detail);
        }
        return new UserError("error.unexpected", detail);
    }
}

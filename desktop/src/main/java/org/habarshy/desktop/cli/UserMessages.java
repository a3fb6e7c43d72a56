package org.habarshy.desktop.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.habarshy.core.attachment.AttachmentException;
import org.habarshy.core.channel.ChannelException;
import org.habarshy.core.channel.InvalidChannelCodeException;
import org.habarshy.core.group.GroupChangeException;
import org.habarshy.core.group.UnknownGroupException;
import org.habarshy.core.identity.IdentityFileException;
import org.habarshy.core.identity.InvalidContactCodeException;
import org.habarshy.core.mailbox.InvalidCodeException;
import org.habarshy.core.mailbox.MailboxException;
import org.habarshy.core.node.ContactKeyChangedException;
import org.habarshy.core.node.UnknownContactException;
import org.habarshy.core.store.StoreException;

/** Turns failures into one-line messages and exit codes for the terminal. */
final class UserMessages {
    /** Exit code for a refusal the user can fix (bad code, unknown alias, existing identity, passphrase). */
    static final int USAGE = 2;
    /** Exit code for a storage or network failure. */
    static final int FAILURE = 1;

    private UserMessages() {
    }

    static String of(Exception e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getReason() != null ? exists.getReason() + " (" + exists.getFile() + ")" : e.getMessage();
        }
        if (e instanceof IdentityFileException identity
                && identity.reason() == IdentityFileException.Reason.PASSPHRASE_REQUIRED) {
            return identity.getMessage() + ": give it with --passphrase-file FILE or "
                    + PassphraseOption.ENVIRONMENT_VARIABLE + ", or run the command in a terminal to be asked";
        }
        if (e instanceof NoSuchFileException missing && missing.getReason() != null) {
            return missing.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static int exitCode(Exception e) {
        if (e instanceof InvalidContactCodeException || e instanceof UnknownContactException
                || e instanceof ContactKeyChangedException
                || e instanceof ChannelException || e instanceof InvalidChannelCodeException
                || e instanceof FileAlreadyExistsException || e instanceof NoSuchFileException
                || e instanceof IllegalArgumentException || isPassphraseProblem(e)
                || e instanceof MailboxException || e instanceof InvalidCodeException
                || e instanceof GroupChangeException || e instanceof UnknownGroupException
                || e instanceof AttachmentException a && a.reason() != AttachmentException.Reason.IO) {
            return USAGE;
        }
        if (e instanceof StoreException) {
            return FAILURE;
        }
        return FAILURE;
    }

    private static boolean isPassphraseProblem(Exception e) {
        return e instanceof IdentityFileException identity
                && (identity.reason() == IdentityFileException.Reason.WRONG_PASSPHRASE
                || identity.reason() == IdentityFileException.Reason.PASSPHRASE_REQUIRED);
    }
}

package org.habarshy.core.identity;

import java.io.IOException;

/** The identity file cannot be opened; the reason says whether the user can fix it, the message says how. */
public final class IdentityFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the identity file could not be opened. */
    public enum Reason {
        /** The file is encrypted and no passphrase was given. */
        PASSPHRASE_REQUIRED,
        /** The passphrase does not open the file, or the file was changed: the two cannot be told apart. */
        WRONG_PASSPHRASE,
        /** The file asks for key-derivation parameters outside the accepted range (below the floor, or absurd). */
        UNSAFE_PARAMETERS,
        /** The file is not a readable identity file of a version this code knows. */
        DAMAGED
    }

    private final Reason reason;

    /** Creates the exception with a user-facing message, which never contains key material or passphrases. */
    public IdentityFileException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Creates the exception with a user-facing message and its cause. */
    public IdentityFileException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Returns why the file could not be opened. */
    public Reason reason() {
        return reason;
    }
}

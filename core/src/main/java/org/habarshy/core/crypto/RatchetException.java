package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;

/** A ratchet message or saved session state was refused; the session state is unchanged. */
public final class RatchetException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    /** Why a message or state was refused. */
    public enum Reason {
        /** The bytes do not follow the layout (length, version, flags). */
        MALFORMED,
        /** The message belongs to a session this side does not hold, and cannot start one. */
        UNKNOWN_SESSION,
        /** Decrypting it would mean deriving more skipped message keys than the bound allows. */
        TOO_MANY_SKIPPED,
        /** Its key was already used (a replay) or was dropped as skipped keys expired or overflowed. */
        REPLAYED_OR_EXPIRED,
        /** The authentication tag does not verify: damaged, forged, or not for this session. */
        AUTHENTICATION_FAILED
    }

    private final Reason reason;

    /** Creates the exception. */
    public RatchetException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Returns why it was refused. */
    public Reason reason() {
        return reason;
    }
}

package org.habarshy.core.crypto;

import java.io.IOException;

/** Thrown when bytes cannot be a sealed envelope: wrong length or an inconsistent header. */
public final class MalformedEnvelopeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that describes the defect (never key material). */
    public MalformedEnvelopeException(String message) {
        super(message);
    }
}

package org.habarshy.relay.sms.codec;

import java.io.IOException;

/** Thrown when bytes received by SMS cannot be decoded; the message names the defect, never the content. */
public final class MalformedSmsException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a description of the defect. */
    public MalformedSmsException(String message) {
        super(message);
    }
}

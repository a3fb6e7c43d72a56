package org.habarshy.core.wire;

import io.netty.handler.codec.CorruptedFrameException;

/** A frame decrypted fine but does not hold a valid record; the link that sent it is closed. */
public final class MalformedRecordException extends CorruptedFrameException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception stating what was wrong. */
    public MalformedRecordException(String message) {
        super(message);
    }

    /** Creates an exception stating what was wrong and why. */
    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}

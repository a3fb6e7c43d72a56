package org.habarshy.core.api.message;

import org.habarshy.core.api.ByteKey;

/** The SHA-256 based id of a sealed envelope's exact bytes; also the id of the message inside. */
public final class EnvelopeId extends ByteKey {
    /** Length of an id. */
    public static final int LENGTH = 32;

    /** Wraps a copy of a 32-byte id. */
    public EnvelopeId(byte[] bytes) {
        super(bytes, LENGTH, "envelope id");
    }
}

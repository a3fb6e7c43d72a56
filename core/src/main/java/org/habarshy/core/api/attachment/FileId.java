package org.habarshy.core.api.attachment;

import org.habarshy.core.api.ByteKey;

/** The random 16-byte id a sender gives a file; together with the sender's identity key it names the file. */
public final class FileId extends ByteKey {
    /** Length of an id. */
    public static final int LENGTH = 16;

    /** Wraps a copy of a 16-byte id. */
    public FileId(byte[] bytes) {
        super(bytes, LENGTH, "file id");
    }
}

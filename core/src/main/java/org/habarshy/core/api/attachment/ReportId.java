package org.habarshy.core.api.attachment;

import org.habarshy.core.api.ByteKey;

/** The random 16-byte id a sender gives a report; together with the sender's identity key it names the report. */
public final class ReportId extends ByteKey {
    /** Length of an id. */
    public static final int LENGTH = 16;

    /** Wraps a copy of a 16-byte id. */
    public ReportId(byte[] bytes) {
        super(bytes, LENGTH, "report id");
    }
}

package org.habarshy.core.api.group;

import org.habarshy.core.api.ByteKey;

/** A private group's 32-byte random id. Members know it; carriers never see it. */
public final class GroupId extends ByteKey {
    /** Length of a group id. */
    public static final int LENGTH = 32;

    /** Wraps a copy of 32 bytes. */
    public GroupId(byte[] bytes) {
        super(bytes, LENGTH, "group id");
    }
}

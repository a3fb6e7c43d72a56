package org.habarshy.core.api.message;

/** Whether a message was written here or received. */
public enum Direction {
    INCOMING,
    OUTGOING
}

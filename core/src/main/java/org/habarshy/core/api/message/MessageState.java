package org.habarshy.core.api.message;

/**
 * How far a message has got. States only move forward, in declaration order. Incoming messages are
 * {@link #DELIVERED} when stored and {@link #READ} once the user has seen them.
 */
public enum MessageState {
    /** Sealed and stored; no peer has taken a copy yet. */
    QUEUED("queued"),
    /** At least one peer has taken a copy. */
    SENT_TO_PEER("sent-to-peer"),
    /** The recipient's node opened it and sent a receipt. */
    DELIVERED("delivered"),
    /** The recipient has seen it: for outgoing messages, the recipient sent a read receipt. */
    READ("read");

    private final String label;

    MessageState(String label) {
        this.label = label;
    }

    /** Returns the stable lower-case name used by the CLI and JSON output. */
    public String label() {
        return label;
    }
}

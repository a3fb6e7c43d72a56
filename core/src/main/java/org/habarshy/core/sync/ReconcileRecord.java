package org.habarshy.core.sync;

import java.util.Arrays;
import java.util.Objects;
import org.habarshy.core.sync.reconcile.ReconcileLimits;

/**
 * Carries one set-reconciliation message (sync version 2, docs/PROTOCOL.md section 7) of 1 to
 * {@link ReconcileLimits#MAX_MESSAGE_BYTES} bytes. Its content is checked by the
 * {@link org.habarshy.core.sync.reconcile.Reconciler}, not here.
 */
public record ReconcileRecord(byte[] message) implements SyncRecord {
    /** Copies the bytes and checks their length. */
    public ReconcileRecord {
        message = Objects.requireNonNull(message, "message").clone();
        if (message.length < 1 || message.length > ReconcileLimits.MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("reconcile message of " + message.length + " bytes");
        }
    }

    /** Returns a copy of the message bytes. */
    @Override
    public byte[] message() {
        return message.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReconcileRecord r && Arrays.equals(r.message, message);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(message);
    }

    @Override
    public String toString() {
        return "ReconcileRecord[" + message.length + " bytes]";
    }
}

package org.habarshy.core.sync;

import java.nio.charset.StandardCharsets;

/**
 * Real-time text: the sender's current draft for the contact recognised on this link, at most
 * {@link RttLimits#MAX_TEXT_BYTES} bytes of UTF-8; empty when the draft was cleared (docs/PROTOCOL.md section 14).
 *
 * @param text the draft
 */
public record RttUpdateRecord(String text) implements SyncRecord {
    /** Checks the bound. */
    public RttUpdateRecord {
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > RttLimits.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("draft of " + size + " bytes (at most " + RttLimits.MAX_TEXT_BYTES + ")");
        }
    }
}

package org.habarshy.core.store;

import java.util.Objects;
import org.habarshy.core.api.attachment.ReportId;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;

/** One row of {@code reports}, title and text already opened. */
public record ReportRow(IdentityKey peer, ReportId id, Direction direction, String title, String text, int fileCount,
                        EnvelopeId envelope, long sentAt, long storedAt) {
    /** Checks no component is null. */
    public ReportRow {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(envelope, "envelope");
    }
}

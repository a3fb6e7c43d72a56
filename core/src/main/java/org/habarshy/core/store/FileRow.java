package org.habarshy.core.store;

import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.attachment.AttachmentState;
import org.habarshy.core.api.attachment.FileId;
import org.habarshy.core.api.attachment.ReportId;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * One row of {@code attachments}: a file's manifest as stored, name and MIME type already opened.
 *
 * @param envelope the envelope that carried (incoming) or carries (outgoing) the manifest
 */
public record FileRow(IdentityKey peer, FileId id, Direction direction, Optional<ReportId> report, String name,
                      String mimeType, long size, int chunkCount, int chunkSize, byte[] sha256,
                      Optional<EnvelopeId> envelope, AttachmentState state, Optional<String> error, long sentAt,
                      long storedAt) {
    /** Checks no component is null. */
    public FileRow {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        sha256 = sha256.clone();
    }

    /** Returns a copy of the whole file's hash. */
    @Override
    public byte[] sha256() {
        return sha256.clone();
    }
}

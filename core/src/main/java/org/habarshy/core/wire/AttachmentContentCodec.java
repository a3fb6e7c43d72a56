package org.habarshy.core.wire;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.attachment.FileId;
import org.habarshy.core.api.attachment.ReportId;
import org.habarshy.core.api.message.FileChunkContent;
import org.habarshy.core.api.message.FileManifestContent;
import org.habarshy.core.api.message.ReportContent;
import org.habarshy.proto.v1.Content;
import org.habarshy.proto.v1.FileChunk;
import org.habarshy.proto.v1.FileManifest;
import org.habarshy.proto.v1.ReportManifest;

/**
 * Maps files and reports (docs/PROTOCOL.md §13) to and from {@code habarshy.v1.Content} fields 6-8. Decoding checks
 * every length before it allocates beyond what protobuf parsing already did (the whole content is at most one
 * envelope), and reports every violated bound as {@link MalformedRecordException}.
 */
final class AttachmentContentCodec {
    private AttachmentContentCodec() {
    }

    static void encodeManifest(Content.Builder builder, FileManifestContent m) {
        FileManifest.Builder b = FileManifest.newBuilder().setFileId(ByteString.copyFrom(m.fileId().bytes()))
                .setName(m.name()).setMimeType(m.mimeType()).setSize(m.size()).setChunkCount(m.chunkCount())
                .setChunkSize(m.chunkSize()).setSha256(ByteString.copyFrom(m.sha256())).setSentAt(m.sentAt());
        m.reportId().ifPresent(r -> b.setReportId(ByteString.copyFrom(r.bytes())));
        builder.setFileManifest(b);
    }

    static void encodeChunk(Content.Builder builder, FileChunkContent c) {
        builder.setFileChunk(FileChunk.newBuilder().setFileId(ByteString.copyFrom(c.fileId().bytes()))
                .setIndex(c.index()).setChunkCount(c.chunkCount()).setData(ByteString.copyFrom(c.data())));
    }

    static void encodeReport(Content.Builder builder, ReportContent r) {
        ReportManifest.Builder b = ReportManifest.newBuilder().setReportId(ByteString.copyFrom(r.reportId().bytes()))
                .setTitle(r.title()).setText(r.text()).setSentAt(r.sentAt());
        for (FileId id : r.fileIds()) {
            b.addFileIds(ByteString.copyFrom(id.bytes()));
        }
        builder.setReport(b);
    }

    static FileManifestContent decodeManifest(FileManifest m) throws MalformedRecordException {
        FileId fileId = fileId(m.getFileId());
        if (Integer.toUnsignedLong(m.getChunkCount()) > AttachmentLimits.MAX_CHUNKS
                || Integer.toUnsignedLong(m.getChunkSize()) > AttachmentLimits.CHUNK_BYTES) {
            throw new MalformedRecordException("file manifest with " + Integer.toUnsignedString(m.getChunkCount())
                    + " chunks of " + Integer.toUnsignedString(m.getChunkSize()) + " bytes");
        }
        if (m.getSize() < 0 || m.getSize() > AttachmentLimits.MAX_FILE_BYTES) {
            throw new MalformedRecordException("file of " + Long.toUnsignedString(m.getSize()) + " bytes");
        }
        Optional<ReportId> report = Optional.empty();
        if (!m.getReportId().isEmpty()) {
            if (m.getReportId().size() != ReportId.LENGTH) {
                throw new MalformedRecordException("report id of " + m.getReportId().size() + " bytes");
            }
            report = Optional.of(new ReportId(m.getReportId().toByteArray()));
        }
        if (m.getSha256().size() != FileManifestContent.HASH_BYTES) {
            throw new MalformedRecordException("file hash of " + m.getSha256().size() + " bytes");
        }
        try {
            return new FileManifestContent(fileId, m.getName(), m.getMimeType(), m.getSize(), m.getChunkCount(),
                    m.getChunkSize(), m.getSha256().toByteArray(), report, m.getSentAt());
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("file manifest out of bounds: " + e.getMessage(), e);
        }
    }

    static FileChunkContent decodeChunk(FileChunk c) throws MalformedRecordException {
        FileId fileId = fileId(c.getFileId());
        if (c.getData().size() > AttachmentLimits.CHUNK_BYTES) {
            throw new MalformedRecordException("file chunk of " + c.getData().size() + " bytes");
        }
        try {
            return new FileChunkContent(fileId, c.getIndex(), c.getChunkCount(), c.getData().toByteArray());
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("file chunk out of bounds: " + e.getMessage(), e);
        }
    }

    static ReportContent decodeReport(ReportManifest r) throws MalformedRecordException {
        if (r.getReportId().size() != ReportId.LENGTH) {
            throw new MalformedRecordException("report id of " + r.getReportId().size() + " bytes");
        }
        if (r.getFileIdsCount() > AttachmentLimits.MAX_REPORT_FILES) {
            throw new MalformedRecordException("report with " + r.getFileIdsCount() + " files");
        }
        List<FileId> files = new ArrayList<>(r.getFileIdsCount());
        for (ByteString id : r.getFileIdsList()) {
            files.add(fileId(id));
        }
        try {
            return new ReportContent(new ReportId(r.getReportId().toByteArray()), r.getTitle(), r.getText(), files,
                    r.getSentAt());
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("report out of bounds: " + e.getMessage(), e);
        }
    }

    private static FileId fileId(ByteString id) throws MalformedRecordException {
        if (id.size() != FileId.LENGTH) {
            throw new MalformedRecordException("file id of " + id.size() + " bytes");
        }
        return new FileId(id.toByteArray());
    }
}

package org.habarshy.core.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.message.FileChunkContent;
import org.habarshy.core.api.message.FileManifestContent;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.attachment.FileNames;
import org.habarshy.core.testing.SeedCorpus;
import org.habarshy.proto.v1.FileChunk;
import org.habarshy.proto.v1.FileManifest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the decoders of files (docs/PROTOCOL.md §13): each input is the body of a {@code FileManifest} (Content
 * field 6) or a {@code FileChunk} (field 7), so that the fuzzer works on their fields rather than on the
 * {@code Content} wrapper. The only documented failure is {@link MalformedRecordException}; whatever is accepted
 * must be consistent ({@code chunkCount = ceil(size / chunkSize)}, every bound of {@link AttachmentLimits}),
 * survive a round trip, and its file name must sanitize to a safe name.
 */
@Tag("jazzer")
class AttachmentContentFuzzTest {
    private static final ContentCodec CODEC = new ContentCodec();

    @FuzzTest
    void manifest(byte[] body) throws MalformedRecordException {
        MessageContent decoded;
        try {
            decoded = CODEC.decode(wrap(6, body));
        } catch (MalformedRecordException rejected) {
            return;
        }
        FileManifestContent m = (FileManifestContent) decoded;
        if (m.size() < 0 || m.size() > AttachmentLimits.MAX_FILE_BYTES || m.chunkCount() > AttachmentLimits.MAX_CHUNKS
                || m.chunkCount() != AttachmentLimits.chunkCount(m.size(), m.chunkSize())) {
            throw new AssertionError("an inconsistent manifest was accepted: " + m);
        }
        String safe = FileNames.sanitize(m.name());
        if (safe.isEmpty() || safe.contains("/") || safe.contains("\\") || safe.startsWith(".")
                || safe.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || safe.getBytes(StandardCharsets.UTF_8).length > FileNames.MAX_BYTES) {
            throw new AssertionError("unsafe sanitized name: " + safe);
        }
        if (!m.equals(CODEC.decode(CODEC.encode(m)))) {
            throw new AssertionError("manifest changed in a round trip: " + m);
        }
    }

    @FuzzTest
    void chunk(byte[] body) throws MalformedRecordException {
        MessageContent decoded;
        try {
            decoded = CODEC.decode(wrap(7, body));
        } catch (MalformedRecordException rejected) {
            return;
        }
        FileChunkContent c = (FileChunkContent) decoded;
        if (c.index() < 0 || c.index() >= c.chunkCount() || c.chunkCount() > AttachmentLimits.MAX_CHUNKS
                || c.data().length > AttachmentLimits.CHUNK_BYTES || c.data().length == 0) {
            throw new AssertionError("an out-of-bounds chunk was accepted: " + c);
        }
        if (!c.equals(CODEC.decode(CODEC.encode(c)))) {
            throw new AssertionError("chunk changed in a round trip: " + c);
        }
    }

    /** Returns {@code body} as the length-delimited field {@code field} of a {@code Content}. */
    static byte[] wrap(int field, byte[] body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 8);
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeByteArray(field, body);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void seedCorporaMatchTheirRecipes() throws Exception {
        SeedCorpus.check(AttachmentContentFuzzTest.class, "manifest", manifestSeeds());
        SeedCorpus.check(AttachmentContentFuzzTest.class, "chunk", chunkSeeds());
    }

    /** Manifests at and past the bounds of docs/PROTOCOL.md §13. */
    static Map<String, byte[]> manifestSeeds() {
        FileManifest valid = FileManifest.newBuilder().setFileId(bytes(16)).setName("photo.jpg")
                .setMimeType("image/jpeg").setSize(500_000).setChunkCount(3).setChunkSize(196_608)
                .setSha256(bytes(32)).setSentAt(1_767_225_600_000L).build();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("valid", valid.toByteArray());
        seeds.put("report", valid.toBuilder().setReportId(bytes(16)).build().toByteArray());
        seeds.put("empty-file", valid.toBuilder().setSize(0).setChunkCount(0).build().toByteArray());
        seeds.put("max-size", valid.toBuilder().setSize(16_777_216).setChunkCount(86).build().toByteArray());
        seeds.put("size-over", valid.toBuilder().setSize(16_777_217).setChunkCount(86).build().toByteArray());
        seeds.put("count-mismatch", valid.toBuilder().setChunkCount(4).build().toByteArray());
        seeds.put("count-huge", valid.toBuilder().setChunkSize(1).setChunkCount(500_000).build().toByteArray());
        seeds.put("hostile-name", valid.toBuilder().setName("../../.ssh/authorized_keys\u0000\u202E.txt").build()
                .toByteArray());
        seeds.put("device-name", valid.toBuilder().setName("CON.txt").build().toByteArray());
        seeds.put("name-256-bytes", valid.toBuilder().setName("n".repeat(256)).build().toByteArray());
        seeds.put("hash-31-bytes", valid.toBuilder().setSha256(bytes(31)).build().toByteArray());
        seeds.put("file-id-15-bytes", valid.toBuilder().setFileId(bytes(15)).build().toByteArray());
        return seeds;
    }

    /** Chunks at and past the bounds. */
    static Map<String, byte[]> chunkSeeds() {
        FileChunk valid = FileChunk.newBuilder().setFileId(bytes(16)).setIndex(2).setChunkCount(3)
                .setData(bytes(100)).build();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("valid", valid.toByteArray());
        seeds.put("index-at-count", valid.toBuilder().setIndex(3).build().toByteArray());
        seeds.put("count-257", valid.toBuilder().setChunkCount(257).build().toByteArray());
        seeds.put("empty-data", valid.toBuilder().setData(ByteString.EMPTY).build().toByteArray());
        seeds.put("max-data", valid.toBuilder().setData(bytes(196_608)).build().toByteArray());
        return seeds;
    }

    private static ByteString bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return ByteString.copyFrom(b);
    }
}

package org.habarshy.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.attachment.FileId;
import org.habarshy.core.api.attachment.ReportId;
import org.habarshy.core.api.message.FileChunkContent;
import org.habarshy.core.api.message.FileManifestContent;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.api.message.ReportContent;
import org.habarshy.core.wire.ContentCodec;
import org.habarshy.core.wire.MalformedRecordException;
import org.junit.jupiter.api.Test;

/** Manifests, chunks and reports round-trip through the content codec, and every bound is enforced. */
class ManifestLimitsTest {
    private static final FileId ID = new FileId(new byte[16]);
    private final ContentCodec codec = new ContentCodec();

    private static FileManifestContent manifest(long size, int count, int chunkSize) {
        return new FileManifestContent(ID, "photo.jpg", "image/jpeg", size, count, chunkSize, new byte[32],
                Optional.of(new ReportId(new byte[16])), 5);
    }

    @Test
    void contentRoundTrips() throws Exception {
        List<MessageContent> all = List.of(manifest(1000, 1, AttachmentLimits.CHUNK_BYTES),
                new FileChunkContent(ID, 2, 3, new byte[] {1, 2, 3}),
                new ReportContent(new ReportId(new byte[16]), "Митинг на площади", "Мәтін", List.of(ID), 7));
        for (MessageContent c : all) {
            assertThat(codec.decode(codec.encode(c))).isEqualTo(c);
        }
    }

    @Test
    void aChunkEncodesAsDocumentedInProtocolSection13() {
        byte[] id = new byte[16];
        java.util.Arrays.fill(id, (byte) 0xF1);
        byte[] encoded = codec.encode(new FileChunkContent(new FileId(id), 2, 3,
                new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF}));
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        expected.writeBytes(new byte[] {0x3A, 0x1C, 0x0A, 0x10});
        expected.writeBytes(id);
        expected.writeBytes(new byte[] {0x10, 0x02, 0x18, 0x03, 0x22, 0x04, (byte) 0xDE, (byte) 0xAD, (byte) 0xBE,
            (byte) 0xEF});
        assertThat(encoded).isEqualTo(expected.toByteArray());
    }

    @Test
    void theBiggestChunkFitsOneEnvelope() {
        byte[] encoded = codec.encode(new FileChunkContent(ID, 255, 256, new byte[AttachmentLimits.CHUNK_BYTES]));
        // 194 bytes of envelope, 82 of ratchet header and tag, and the protobuf around the ratchet message.
        assertThat(encoded.length + 194 + 82 + 8).isLessThan(org.habarshy.core.crypto.EnvelopeFormat.MAX_BYTES);
    }

    @Test
    void chunkCountsMustMatchTheSize() {
        int c = AttachmentLimits.CHUNK_BYTES;
        assertThat(manifest(AttachmentLimits.MAX_FILE_BYTES, 86, c).chunkLength(85))
                .isEqualTo((int) (AttachmentLimits.MAX_FILE_BYTES - 85L * c));
        assertThatThrownBy(() -> manifest(1000, 2, c)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> manifest(AttachmentLimits.MAX_FILE_BYTES + 1, 86, c))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> manifest(AttachmentLimits.MAX_FILE_BYTES, 16384, 1024))
                .as("too many chunks").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> manifest(10, 1, c + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileChunkContent(ID, 3, 3, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileChunkContent(ID, 0, 1, new byte[c + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileChunkContent(ID, 0, 1, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedContentIsAClearErrorNeverACrash() {
        byte[] good = codec.encode(manifest(1000, 1, AttachmentLimits.CHUNK_BYTES));
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(good, cut);
            try {
                codec.decode(truncated);
            } catch (MalformedRecordException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void reportsAreBounded() {
        ReportId r = new ReportId(new byte[16]);
        assertThatThrownBy(() -> new ReportContent(r, "", "", List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportContent(r, "t", "", List.of(ID, ID), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportContent(r, "t", "x".repeat(AttachmentLimits.MAX_REPORT_TEXT_BYTES + 1),
                List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

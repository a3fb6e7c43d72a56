package org.habarshy.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.ReceiptContent;
import org.junit.jupiter.api.Test;

/** The receipt bytes documented in docs/PROTOCOL.md §3.1, both kinds, and refusal of unknown kinds. */
class ReceiptEncodingTest {
    private static final byte[] ID = new byte[32];

    static {
        Arrays.fill(ID, (byte) 0xAB);
    }

    private final ContentCodec codec = new ContentCodec();

    @Test
    void aReadReceiptHasTheDocumentedBytesAndDecodesBack() throws Exception {
        ReceiptContent read = new ReceiptContent(ReceiptContent.Kind.READ, List.of(new EnvelopeId(ID)));
        byte[] bytes = codec.encode(read);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("1224080212" + "20" + "ab".repeat(32));
        assertThat(codec.decode(bytes)).isEqualTo(read);
    }

    @Test
    void aDeliveryReceiptDiffersOnlyInTheKind() throws Exception {
        ReceiptContent delivered = new ReceiptContent(List.of(new EnvelopeId(ID)));
        byte[] bytes = codec.encode(delivered);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("1224080112" + "20" + "ab".repeat(32));
        assertThat(codec.decode(bytes)).isEqualTo(delivered);
    }

    @Test
    void aReceiptOfUnknownKindIsMalformed() {
        byte[] bytes = HexFormat.of().parseHex("1224080912" + "20" + "ab".repeat(32));
        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(MalformedRecordException.class);
    }
}

package org.habarshy.relay.sms.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.habarshy.relay.sms.codec.MalformedSmsException;
import org.junit.jupiter.api.Test;

class SmsSegmentTest {
    private final SmsSegmenter segmenter = new SmsSegmenter();

    private static byte[] counting(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void fitsInOneSmsWithoutHeaderUpTo140Bytes() throws Exception {
        List<SmsSegment> one = segmenter.split(counting(140), 5);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).hasHeader()).isFalse();
        assertThat(one.get(0).part().reference()).isEqualTo(-1);
        assertThat(SmsSegmenter.segmentsFor(140)).isEqualTo(1);
        assertThat(SmsSegmenter.segmentsFor(141)).isEqualTo(2);
        assertThat(SmsSegmenter.segmentsFor(268)).isEqualTo(2);
        assertThat(SmsSegmenter.segmentsFor(269)).isEqualTo(3);
    }

    @Test
    void splitsIntoPartsThatReassembleInOrder() throws Exception {
        byte[] payload = counting(300);
        List<SmsSegment> parts = segmenter.split(payload, 200);
        assertThat(parts).hasSize(3);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            SmsSegment.Part p = parts.get(i).part();
            assertThat(parts.get(i).userData()).startsWith(5, 0, 3, 200 - 256, 3, i + 1);
            assertThat(p.reference()).isEqualTo(200);
            assertThat(p.total()).isEqualTo(3);
            assertThat(p.index()).isEqualTo(i + 1);
            joined.writeBytes(p.payload());
        }
        assertThat(joined.toByteArray()).isEqualTo(payload);
    }

    @Test
    void readsSixteenBitReferencesAndSkipsOtherElements() throws Exception {
        // UDHL 11: IEI 0x0A (text formatting, 3 bytes) then IEI 0x08 (16-bit reference 0x1234, 2 parts, part 2).
        SmsSegment s = new SmsSegment(new byte[] {11, 0x0A, 3, 0, 0, 0, 0x08, 4, 0x12, 0x34, 2, 2, 42}, true);
        SmsSegment.Part p = s.part();
        assertThat(p.reference()).isEqualTo(0x1234);
        assertThat(p.index()).isEqualTo(2);
        assertThat(p.payload()).containsExactly(42);
    }

    @Test
    void refusesBadHeadersAndSizes() {
        assertThatThrownBy(() -> new SmsSegment(new byte[] {9, 0, 3}, true).part())
                .isInstanceOf(MalformedSmsException.class);
        assertThatThrownBy(() -> new SmsSegment(new byte[] {5, 0, 3, 1, 2, 3, 0}, true).part())
                .hasMessageContaining("index 3 of 2");
        assertThatThrownBy(() -> new SmsSegment(new byte[] {5, 0, 3, 1, 0, 0, 0}, true).part())
                .isInstanceOf(MalformedSmsException.class);
        assertThatThrownBy(() -> new SmsSegment(new byte[] {3, 0, 9, 1, 0}, true).part())
                .hasMessageContaining("overruns");
        assertThatThrownBy(() -> new SmsSegment(new byte[0], false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmsSegment(new byte[141], false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> segmenter.split(new byte[SmsSegmenter.MAX_PAYLOAD_BYTES + 1], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> segmenter.split(new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> segmenter.split(new byte[1], 256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsNoContent() {
        assertThat(new SmsSegment(new byte[] {1, 2, 3}, false).toString()).isEqualTo("SmsSegment[3 bytes]");
    }
}

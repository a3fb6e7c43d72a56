package org.habarshy.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.sync.RttAnnounceRecord;
import org.habarshy.core.sync.RttLimits;
import org.habarshy.core.sync.RttUpdateRecord;
import org.habarshy.core.sync.SyncRecord;
import org.habarshy.proto.v1.LinkFrame;
import org.habarshy.proto.v1.RttAnnounce;
import org.habarshy.proto.v1.RttUpdate;
import org.junit.jupiter.api.Test;

/** The real-time-text frames (PROTOCOL.md section 14): round trips and every bound. */
class RttFrameCodecTest {
    private static SyncRecord decode(LinkFrame frame) throws MalformedRecordException {
        return LinkFrameCodec.fromBytes(Unpooled.wrappedBuffer(frame.toByteArray()));
    }

    private static LinkFrame announce(int tags, int size) {
        RttAnnounce.Builder builder = RttAnnounce.newBuilder();
        for (int i = 0; i < tags; i++) {
            builder.addTags(ByteString.copyFrom(new byte[size]));
        }
        return LinkFrame.newBuilder().setRttAnnounce(builder).build();
    }

    @Test
    void recordsRoundTrip() throws Exception {
        List<byte[]> tags = new ArrayList<>();
        for (int i = 0; i < RttLimits.MAX_TAGS; i++) {
            tags.add(new byte[] {(byte) i, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
        }
        RttAnnounceRecord announce = (RttAnnounceRecord) decode(LinkFrameCodec.toProto(new RttAnnounceRecord(tags)));
        assertThat(announce.tags()).hasSize(RttLimits.MAX_TAGS);
        assertThat(announce.tags().get(5)).isEqualTo(tags.get(5));
        assertThat(((RttAnnounceRecord) decode(announce(0, 16))).tags()).isEmpty();
        String text = "Сәлем! ".repeat(60);
        assertThat(decode(LinkFrameCodec.toProto(new RttUpdateRecord(text)))).isEqualTo(new RttUpdateRecord(text));
        assertThat(decode(LinkFrameCodec.toProto(new RttUpdateRecord("")))).isEqualTo(new RttUpdateRecord(""));
    }

    @Test
    void tooManyTagsOrTagsOfTheWrongSizeAreRejected() {
        assertThatThrownBy(() -> decode(announce(RttLimits.MAX_TAGS + 1, 16)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("33 tags");
        assertThatThrownBy(() -> decode(announce(1, 15))).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("tag of 15 bytes");
        assertThatThrownBy(() -> decode(announce(1, 17))).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> decode(announce(1, 0))).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void aDraftOverTheBoundOrNotUtf8IsRejected() {
        LinkFrame tooLong = LinkFrame.newBuilder().setRttUpdate(RttUpdate.newBuilder()
                .setText("ә".repeat(RttLimits.MAX_TEXT_BYTES / 2) + "x")).build();
        assertThatThrownBy(() -> decode(tooLong)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("1025 bytes");
        // LinkFrame field 9 (RttUpdate, 4 bytes) holding field 1 (text, 2 bytes): C3 28 is not UTF-8.
        byte[] notUtf8 = {0x4A, 0x04, 0x0A, 0x02, (byte) 0xC3, 0x28};
        assertThatThrownBy(() -> LinkFrameCodec.fromBytes(Unpooled.wrappedBuffer(notUtf8)))
                .isInstanceOf(MalformedRecordException.class);
    }
}

package org.habarshy.core.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habarshy.core.sync.reconcile.TestItems.item;
import static org.habarshy.core.sync.reconcile.TestItems.itemWithPrefix;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private static final RangePayload SKIP = RangePayload.Skip.INSTANCE;

    /** Writes a message from raw parts: ints are single bytes, longs are varints, arrays are copied. */
    private static byte[] raw(Object... parts) {
        ByteWriter out = new ByteWriter(64);
        out.writeByte(ReconcileLimits.FORMAT_VERSION);
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.writeByte(b);
            } else if (part instanceof Long v) {
                out.writeVarint(v);
            } else {
                out.writeBytes((byte[]) part);
            }
        }
        return out.toByteArray();
    }

    private static void assertRejected(byte[] message, String reason) {
        assertThatThrownBy(() -> MessageDecoder.decode(message))
                .isInstanceOf(ReconcileException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void everyModeSurvivesARoundTrip() throws Exception {
        Fingerprint fingerprint = Fingerprint.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        Bound b1 = Bound.of(1_000, new byte[0]);
        Bound b2 = Bound.of(1_000, new byte[] {7, 1});
        Bound b3 = Bound.of(5_000, new byte[0]);
        Bound b4 = Bound.of(9_000, new byte[] {(byte) 0xFF});
        RangePayload list = new RangePayload.IdList(List.of(itemWithPrefix(1_000, 7, 1), itemWithPrefix(1_000, 7, 2),
                item(4_000, 3)));
        RangePayload difference = new RangePayload.Difference(List.of(item(6_000, 1)),
                List.of(item(6_000, 2), item(8_999, 0)));
        MessageWriter out = new MessageWriter();
        out.add(Bound.MIN, b1, new RangePayload.Fingerprinted(fingerprint));
        out.add(b1, b2, SKIP);
        out.add(b2, b3, list);
        out.add(b3, b4, difference);
        out.add(b4, Bound.INFINITY, SKIP);

        List<Range> ranges = MessageDecoder.decode(out.toByteArray());

        assertThat(ranges).containsExactly(new Range(b1, new RangePayload.Fingerprinted(fingerprint)),
                new Range(b2, SKIP), new Range(b3, list), new Range(b4, difference));
        assertThat(out.needsReply()).isTrue();
    }

    @Test
    void consecutiveSkipsMergeAndATrailingSkipIsLeftOut() throws Exception {
        MessageWriter out = new MessageWriter();
        out.add(Bound.MIN, Bound.of(5, new byte[0]), SKIP);
        out.add(Bound.of(5, new byte[0]), Bound.of(9, new byte[0]), SKIP);
        out.add(Bound.of(9, new byte[0]), Bound.of(12, new byte[0]), new RangePayload.IdList(List.of()));
        out.add(Bound.of(12, new byte[0]), Bound.INFINITY, SKIP);

        assertThat(MessageDecoder.decode(out.toByteArray())).containsExactly(
                new Range(Bound.of(9, new byte[0]), SKIP),
                new Range(Bound.of(12, new byte[0]), new RangePayload.IdList(List.of())));
    }

    @Test
    void emptyMessageIsJustTheVersionByte() throws Exception {
        assertThat(new MessageWriter().toByteArray()).containsExactly(ReconcileLimits.FORMAT_VERSION);
        assertThat(MessageDecoder.decode(raw())).isEmpty();
    }

    @Test
    void rejectsNothingAtAll() {
        assertRejected(new byte[0], "empty");
    }

    @Test
    void rejectsAMessageOverTheSizeLimitBeforeReadingIt() {
        byte[] message = new byte[ReconcileLimits.MAX_MESSAGE_BYTES + 1];
        message[0] = ReconcileLimits.FORMAT_VERSION;
        assertRejected(message, "exceeds 65536");
    }

    @Test
    void rejectsAnotherVersion() {
        assertRejected(new byte[] {1}, "unsupported reconciliation format version 1");
    }

    @Test
    void rejectsATruncatedVarint() {
        assertRejected(raw(0x85), "truncated bound timestamp");
        assertRejected(raw(2L, 0L, 0x81), "truncated mode");
    }

    @Test
    void rejectsAVarintLongerThanNineBytes() {
        assertRejected(raw(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01), "longer than 9 bytes");
    }

    @Test
    void rejectsANonMinimalVarint() {
        assertRejected(raw(0x82, 0x00, 0L, 0L), "non-minimal varint");
    }

    @Test
    void rejectsTooManyRanges() {
        Object[] parts = new Object[3 * (ReconcileLimits.MAX_RANGES + 1)];
        for (int i = 0; i < ReconcileLimits.MAX_RANGES + 1; i++) {
            parts[3 * i] = 2L; // each bound one millisecond after the previous one
            parts[3 * i + 1] = 0L;
            parts[3 * i + 2] = (long) WireModes.SKIP;
        }
        assertRejected(raw(parts), "more than 8192 ranges");
    }

    @Test
    void rejectsAPrefixLongerThan32Bytes() {
        assertRejected(raw(2L, 33L, new byte[33], 0L), "bound prefix length 33 exceeds the limit of 32");
    }

    @Test
    void rejectsATruncatedPrefixOrFingerprint() {
        assertRejected(raw(2L, 4L, new byte[] {1, 2}), "truncated bound prefix");
        assertRejected(raw(2L, 0L, 1L, new byte[15]), "truncated fingerprint");
    }

    @Test
    void rejectsAnIdShorterThan32Bytes() {
        assertRejected(raw(2L, 0L, 2L, 1L, 0L, new byte[31]), "truncated id list");
        assertRejected(raw(2L, 0L, 3L, 0L, 1L, 0L, new byte[31]), "truncated difference (receiver only)");
    }

    @Test
    void rejectsAListLongerThanTheLimitOrThanTheBytesLeftWithoutAllocating() {
        assertRejected(raw(2L, 0L, 2L, 1025L), "id list length 1025 exceeds the limit of 1024");
        assertRejected(raw(2L, 0L, 2L, 1000L, 0L, new byte[32]), "1000 items cannot fit");
    }

    @Test
    void rejectsBoundsThatDoNotAscend() {
        // (5, [9]) then (5, [3]): the second bound is before the first.
        assertRejected(raw(6L, 1L, new byte[] {9}, 0L, 1L, 1L, new byte[] {3}, 0L), "not strictly ascending");
        // The same bound twice, spelt differently.
        assertRejected(raw(6L, 1L, new byte[] {9}, 0L, 1L, 2L, new byte[] {9, 0}, 0L), "not strictly ascending");
        // A first bound equal to the start of the order.
        assertRejected(raw(1L, 0L, 0L), "not strictly ascending");
        // Anything after infinity.
        assertRejected(raw(0L, 0L, 0L, 0L, 0L, 0L), "not strictly ascending");
    }

    @Test
    void rejectsAnInfiniteBoundWithAPrefix() {
        assertRejected(raw(0L, 1L, new byte[] {1}, 0L), "infinite bound with an id prefix");
    }

    @Test
    void rejectsTimestampsThatOverflow() {
        assertRejected(raw(Long.MAX_VALUE, 0L, 0L, 2L, 0L, 0L), "bound timestamp overflows");
        assertRejected(raw(0L, 0L, 2L, 1L, Long.MAX_VALUE, new byte[32]), "timestamp overflows");
    }

    @Test
    void rejectsAnUnknownMode() {
        assertRejected(raw(2L, 0L, 4L), "unknown range mode 4");
    }

    @Test
    void rejectsListItemsOutsideTheirRangeOrOutOfOrder() {
        // Range [MIN, (5, [])) holding an item at 7.
        assertRejected(raw(6L, 0L, 2L, 1L, 7L, new byte[32]), "outside its range");
        // Range [MIN, (5, [])) holding an item at 5 (the upper bound itself is excluded).
        assertRejected(raw(6L, 0L, 2L, 1L, 5L, new byte[32]), "outside its range");
        byte[] high = new byte[32];
        high[0] = 9;
        assertRejected(raw(6L, 0L, 2L, 2L, 1L, high, 0L, new byte[32]), "not strictly ascending");
        assertRejected(raw(6L, 0L, 3L, 0L, 2L, 1L, new byte[32], 0L, new byte[32]), "not strictly ascending");
    }
}

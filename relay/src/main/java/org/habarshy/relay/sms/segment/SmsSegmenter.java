package org.habarshy.relay.sms.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a payload into the fewest 8-bit SMS: one without header if it fits in 140 bytes, else 134-byte parts. */
public final class SmsSegmenter {
    /** Largest number of parts of one payload; larger payloads are refused (SMS cost money). */
    public static final int MAX_SEGMENTS = 16;
    /** Largest payload that can be sent. */
    public static final int MAX_PAYLOAD_BYTES = MAX_SEGMENTS * SmsSegment.MAX_PART_PAYLOAD;

    /** Returns how many SMS a payload of {@code bytes} takes. */
    public static int segmentsFor(int bytes) {
        if (bytes <= SmsSegment.MAX_USER_DATA) {
            return 1;
        }
        return (bytes + SmsSegment.MAX_PART_PAYLOAD - 1) / SmsSegment.MAX_PART_PAYLOAD;
    }

    /**
     * Returns the segments of {@code payload}; {@code reference} (0..255) identifies the set for the receiver.
     * Throws IllegalArgumentException for an empty payload or one over {@link #MAX_PAYLOAD_BYTES}.
     */
    public List<SmsSegment> split(byte[] payload, int reference) {
        if (payload.length == 0 || payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload must be 1.." + MAX_PAYLOAD_BYTES + " bytes");
        }
        if (reference < 0 || reference > 255) {
            throw new IllegalArgumentException("reference must be 0..255");
        }
        int total = segmentsFor(payload.length);
        if (total == 1) {
            return List.of(new SmsSegment(payload, false));
        }
        List<SmsSegment> parts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            int from = i * SmsSegment.MAX_PART_PAYLOAD;
            int to = Math.min(payload.length, from + SmsSegment.MAX_PART_PAYLOAD);
            byte[] chunk = Arrays.copyOfRange(payload, from, to);
            byte[] userData = new byte[SmsSegment.HEADER_BYTES + chunk.length];
            userData[0] = 5;
            userData[1] = 0;
            userData[2] = 3;
            userData[3] = (byte) reference;
            userData[4] = (byte) total;
            userData[5] = (byte) (i + 1);
            System.arraycopy(chunk, 0, userData, SmsSegment.HEADER_BYTES, chunk.length);
            parts.add(new SmsSegment(userData, true));
        }
        return parts;
    }
}

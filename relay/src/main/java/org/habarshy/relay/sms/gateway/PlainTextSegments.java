package org.habarshy.relay.sms.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.relay.sms.segment.SmsSegment;

/**
 * Splits a plain text into UCS-2 (UTF-16BE) SMS user data for the unencrypted fallback: one SMS of up to 70
 * characters, else parts of 67 with a concatenation header. A surrogate pair is never split across parts.
 */
public final class PlainTextSegments {
    /** Largest text accepted for the plain fallback, in UTF-16 code units (10 SMS). */
    public static final int MAX_UNITS = 670;

    private PlainTextSegments() {
    }

    /** Returns the user data of each SMS; {@code reference} numbers the concatenated set. */
    public static List<SmsSegment> split(String text, int reference) {
        if (text.isEmpty() || text.length() > MAX_UNITS) {
            throw new IllegalArgumentException("plain text must be 1.." + MAX_UNITS + " UTF-16 units");
        }
        if (text.length() <= SmsSegment.MAX_USER_DATA / 2) {
            return List.of(new SmsSegment(text.getBytes(StandardCharsets.UTF_16BE), false));
        }
        List<String> chunks = new ArrayList<>();
        int per = SmsSegment.MAX_PART_PAYLOAD / 2;
        for (int i = 0; i < text.length(); ) {
            int end = Math.min(text.length(), i + per);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(i, end));
            i = end;
        }
        List<SmsSegment> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = chunks.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] userData = new byte[SmsSegment.HEADER_BYTES + body.length];
            userData[0] = 5;
            userData[2] = 3;
            userData[3] = (byte) reference;
            userData[4] = (byte) chunks.size();
            userData[5] = (byte) (i + 1);
            System.arraycopy(body, 0, userData, SmsSegment.HEADER_BYTES, body.length);
            out.add(new SmsSegment(userData, true));
        }
        return out;
    }
}

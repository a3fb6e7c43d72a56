package org.habarshy.relay.sms;

import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.crypto.CompactFormat;
import org.habarshy.relay.sms.codec.MalformedSmsException;
import org.habarshy.relay.sms.segment.SmsSegmenter;

/**
 * The kinds of payload an SMS set carries, told apart by the first byte (docs/PROTOCOL.md, "SMS bridge"):
 * {@code 0x01} a sealed envelope (its own version byte), {@code 0xC1} a compact message, {@code 0xF1} a request to
 * resend missing parts: {@code F1 || reference || total || bitmap(uint16, bit i-1 set = part i missing)}.
 */
final class SmsFrames {
    static final byte ENVELOPE_V1 = 0x01;
    static final byte COMPACT_V1 = CompactFormat.VERSION;
    static final byte RESEND_REQUEST = (byte) 0xF1;
    static final int RESEND_REQUEST_BYTES = 5;

    private SmsFrames() {
    }

    /** A request for missing parts of one set. */
    record ResendRequest(int reference, int total, List<Integer> missing) {
    }

    static byte[] resendRequest(int reference, int total, List<Integer> missing) {
        int bitmap = 0;
        for (int i : missing) {
            bitmap |= 1 << (i - 1);
        }
        return new byte[] {RESEND_REQUEST, (byte) reference, (byte) total, (byte) (bitmap >>> 8), (byte) bitmap};
    }

    static ResendRequest parseResendRequest(byte[] frame) throws MalformedSmsException {
        if (frame.length != RESEND_REQUEST_BYTES) {
            throw new MalformedSmsException("resend request of " + frame.length + " bytes");
        }
        int total = frame[2] & 0xFF;
        if (total < 2 || total > SmsSegmenter.MAX_SEGMENTS) {
            throw new MalformedSmsException("resend request for a set of " + total);
        }
        int bitmap = (frame[3] & 0xFF) << 8 | (frame[4] & 0xFF);
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            if ((bitmap & (1 << (i - 1))) != 0) {
                if (i > total) {
                    throw new MalformedSmsException("resend request names part " + i + " of " + total);
                }
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            throw new MalformedSmsException("resend request names no part");
        }
        return new ResendRequest(frame[1] & 0xFF, total, List.copyOf(missing));
    }
}

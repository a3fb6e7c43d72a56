package org.habarshy.relay.sms.segment;

import java.util.Arrays;
import java.util.Objects;
import org.habarshy.relay.sms.codec.MalformedSmsException;

/**
 * One 8-bit SMS as carried by a gateway: its user data and whether that starts with a user data header (UDHI).
 * A concatenated part carries the 6-byte header {@code 05 00 03 ref total index} (3GPP TS 23.040, IEI 0x00) and at
 * most {@link #MAX_PART_PAYLOAD} payload bytes; a single SMS carries up to {@link #MAX_USER_DATA} bytes and no header.
 */
public record SmsSegment(byte[] userData, boolean hasHeader) {
    /** Octets of user data in one SMS (140 octets = 160 GSM 7-bit characters). */
    public static final int MAX_USER_DATA = 140;
    /** Concatenation header: UDHL, IEI 0x00, IEDL 3, reference, total, index. */
    public static final int HEADER_BYTES = 6;
    /** Payload octets of one concatenated part. */
    public static final int MAX_PART_PAYLOAD = MAX_USER_DATA - HEADER_BYTES;

    /** Copies the user data and checks its length. */
    public SmsSegment {
        Objects.requireNonNull(userData, "userData");
        if (userData.length == 0 || userData.length > MAX_USER_DATA) {
            throw new IllegalArgumentException("user data must be 1.." + MAX_USER_DATA + " bytes");
        }
        userData = userData.clone();
    }

    /** Returns a copy of the user data (including the header, if any). */
    @Override
    public byte[] userData() {
        return userData.clone();
    }

    /** Returns the concatenation fields, or empty fields for a single SMS. Throws for a malformed header. */
    public Part part() throws MalformedSmsException {
        if (!hasHeader) {
            return new Part(-1, 1, 1, userData.clone());
        }
        int udhl = userData[0] & 0xFF;
        if (udhl + 1 > userData.length) {
            throw new MalformedSmsException("user data header longer than the SMS");
        }
        // Walk the information elements; take the first 8-bit or 16-bit concatenation element.
        int i = 1;
        while (i + 1 < udhl + 1) {
            int iei = userData[i] & 0xFF;
            int length = userData[i + 1] & 0xFF;
            if (i + 2 + length > udhl + 1) {
                throw new MalformedSmsException("user data header element overruns the header");
            }
            if (iei == 0x00 && length == 3) {
                return checked(userData[i + 2] & 0xFF, userData[i + 3] & 0xFF, userData[i + 4] & 0xFF, udhl);
            }
            if (iei == 0x08 && length == 4) {
                int ref = (userData[i + 2] & 0xFF) << 8 | (userData[i + 3] & 0xFF);
                return checked(ref, userData[i + 4] & 0xFF, userData[i + 5] & 0xFF, udhl);
            }
            i += 2 + length;
        }
        return new Part(-1, 1, 1, Arrays.copyOfRange(userData, udhl + 1, userData.length));
    }

    private Part checked(int reference, int total, int index, int udhl) throws MalformedSmsException {
        if (total == 0 || index == 0 || index > total) {
            throw new MalformedSmsException("concatenation index " + index + " of " + total);
        }
        return new Part(reference, total, index, Arrays.copyOfRange(userData, udhl + 1, userData.length));
    }

    /** Concatenation fields of a segment; {@code reference} is -1 for an unconcatenated SMS. */
    public record Part(int reference, int total, int index, byte[] payload) {
    }

    /** Prints only sizes. */
    @Override
    public String toString() {
        return "SmsSegment[" + userData.length + " bytes" + (hasHeader ? ", UDH" : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmsSegment other && hasHeader == other.hasHeader
                && Arrays.equals(userData, other.userData);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(userData) + Boolean.hashCode(hasHeader);
    }
}

package org.habarshy.relay.sms.gateway.modem;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.habarshy.relay.sms.codec.MalformedSmsException;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.segment.SmsSegment;

/**
 * SMS TPDUs of 3GPP TS 23.040 in the form a GSM modem uses in PDU mode ({@code AT+CMGF=0}): an SMS-SUBMIT to send
 * (default SMSC, no validity period) and an SMS-DELIVER to read. Every length read from a PDU is checked.
 */
public final class SmsPdu {
    /** TP-DCS for 8-bit data. */
    public static final int DCS_8BIT = 0x04;
    /** TP-DCS for UCS-2. */
    public static final int DCS_UCS2 = 0x08;
    private static final int TYPE_INTERNATIONAL = 0x91;

    private SmsPdu() {
    }

    /** A received SMS-DELIVER. */
    public record Deliver(PhoneNumber from, int dataCoding, SmsSegment segment) {
    }

    /** Returns an SMS-SUBMIT PDU, starting with the SMSC octet {@code 00} (use the modem's default SMSC). */
    public static byte[] submit(PhoneNumber to, SmsSegment segment, int dataCoding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x00); // SMSC: default
        out.write(0x01 | (segment.hasHeader() ? 0x40 : 0)); // SMS-SUBMIT, UDHI
        out.write(0x00); // TP-MR: set by the modem
        writeAddress(out, to.digitsOnly());
        out.write(0x00); // TP-PID
        out.write(dataCoding);
        byte[] userData = segment.userData();
        out.write(userData.length);
        out.writeBytes(userData);
        return out.toByteArray();
    }

    /** Returns the TPDU length that {@code AT+CMGS} wants: the PDU without its SMSC part. */
    public static int tpduLength(byte[] pdu) {
        return pdu.length - 1 - (pdu[0] & 0xFF);
    }

    /** Parses an SMS-DELIVER PDU (with its SMSC part). Throws for any other TPDU or an inconsistent length. */
    public static Deliver parseDeliver(byte[] pdu) throws MalformedSmsException {
        Reader r = new Reader(pdu);
        r.skip(r.next()); // SMSC address
        int first = r.next();
        if ((first & 0x03) != 0x00) {
            throw new MalformedSmsException("not an SMS-DELIVER");
        }
        int digits = r.next();
        int type = r.next();
        if (digits < 1 || digits > 20) {
            throw new MalformedSmsException("originating address of " + digits + " digits");
        }
        byte[] address = r.take((digits + 1) / 2);
        if ((type & 0x70) == 0x50) {
            throw new MalformedSmsException("alphanumeric sender");
        }
        String number = decodeDigits(address, digits);
        r.next(); // TP-PID
        int dcs = r.next();
        r.skip(7); // TP-SCTS
        int udl = r.next();
        if ((dcs & 0x0C) != DCS_8BIT && (dcs & 0x0C) != DCS_UCS2) {
            throw new MalformedSmsException("GSM 7-bit text, not binary");
        }
        if (udl < 1 || udl > SmsSegment.MAX_USER_DATA || r.remaining() != udl) {
            throw new MalformedSmsException("user data length " + udl + " with " + r.remaining() + " bytes");
        }
        try {
            PhoneNumber from = PhoneNumber.parse("+" + number);
            return new Deliver(from, dcs & 0x0C, new SmsSegment(r.take(udl), (first & 0x40) != 0));
        } catch (IllegalArgumentException e) {
            throw new MalformedSmsException("sender is not a phone number");
        }
    }

    private static void writeAddress(ByteArrayOutputStream out, String digits) {
        out.write(digits.length());
        out.write(TYPE_INTERNATIONAL);
        for (int i = 0; i < digits.length(); i += 2) {
            int lo = digits.charAt(i) - '0';
            int hi = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0x0F;
            out.write(hi << 4 | lo);
        }
    }

    private static String decodeDigits(byte[] semiOctets, int digits) throws MalformedSmsException {
        StringBuilder s = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            int nibble = i % 2 == 0 ? semiOctets[i / 2] & 0x0F : (semiOctets[i / 2] >> 4) & 0x0F;
            if (nibble > 9) {
                throw new MalformedSmsException("non-digit in address");
            }
            s.append((char) ('0' + nibble));
        }
        return s.toString();
    }

    /** Bounds-checked reading of a PDU. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() throws MalformedSmsException {
            if (at >= bytes.length) {
                throw new MalformedSmsException("PDU truncated");
            }
            return bytes[at++] & 0xFF;
        }

        byte[] take(int n) throws MalformedSmsException {
            if (n < 0 || at + n > bytes.length) {
                throw new MalformedSmsException("PDU truncated");
            }
            byte[] out = Arrays.copyOfRange(bytes, at, at + n);
            at += n;
            return out;
        }

        void skip(int n) throws MalformedSmsException {
            take(n);
        }

        int remaining() {
            return bytes.length - at;
        }
    }
}

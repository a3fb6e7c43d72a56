package org.habarshy.core.sms;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request to an SMS relay, the content of an ordinary sealed envelope sealed to the relay's SMS request key
 * (docs/PROTOCOL.md §15.4). Version 1 knows one type, an <b>unencrypted</b> plain SMS that the relay sends to a
 * phone without Habarshy:
 *
 * <pre>
 * offset size field
 * 0      4    magic "HBSR" (48 42 53 52)
 * 4      1    type = 0x01 (plain SMS, unencrypted)
 * 5      1    n, length of the number, 8..16
 * 6      n    the number, ASCII: '+' and 7..15 digits (E.164)
 * 6+n    m    the text, UTF-8, 1..1,600 bytes, to the end
 * </pre>
 *
 * The number is inside the envelope, so only the relay learns it; the relay must learn it to send the SMS.
 */
public record SmsRelayRequest(String number, String text) {
    /** Type byte of a plain-SMS request. */
    public static final int TYPE_PLAIN = 0x01;
    /** Longest text, in UTF-8 bytes (about ten UCS-2 SMS). */
    public static final int MAX_TEXT_BYTES = 1600;
    private static final byte[] MAGIC = {'H', 'B', 'S', 'R'};
    private static final Pattern NUMBER = Pattern.compile("\\+[0-9]{7,15}");

    /** Checks the number (E.164 with '+') and the text length. */
    public SmsRelayRequest {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(text, "text");
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("a phone number is '+' and 7 to 15 digits, e.g. +77011234567");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("a plain SMS text is 1.." + MAX_TEXT_BYTES + " UTF-8 bytes");
        }
    }

    /** Returns true if {@code number} is a valid number for a request. */
    public static boolean isNumber(String number) {
        return number != null && NUMBER.matcher(number).matches();
    }

    /** Returns true if {@code content} starts with the request magic. */
    public static boolean isRequest(byte[] content) {
        return content != null && content.length >= MAGIC.length
                && Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Returns the encoded request. */
    public byte[] encode() {
        byte[] n = number.getBytes(StandardCharsets.US_ASCII);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(6 + n.length + t.length);
        out.put(MAGIC).put((byte) TYPE_PLAIN).put((byte) n.length).put(n).put(t);
        return out.array();
    }

    /** Decodes a request; every deviation from the layout is refused with a reason (never the number or text). */
    public static SmsRelayRequest decode(byte[] content) throws MalformedRequestException {
        if (!isRequest(content) || content.length < 6) {
            throw new MalformedRequestException("not an SMS relay request");
        }
        if ((content[4] & 0xFF) != TYPE_PLAIN) {
            throw new MalformedRequestException("unknown SMS relay request type " + (content[4] & 0xFF));
        }
        int n = content[5] & 0xFF;
        if (n < 8 || n > 16 || content.length < 6 + n + 1) {
            throw new MalformedRequestException("SMS relay request with a bad number or no text");
        }
        String number = new String(content, 6, n, StandardCharsets.US_ASCII);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(content, 6 + n, content.length - 6 - n)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRequestException("SMS relay request text is not UTF-8");
        }
        try {
            return new SmsRelayRequest(number, text);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("SMS relay request out of bounds: " + e.getMessage());
        }
    }

    /** Names no number and no text. */
    @Override
    public String toString() {
        return "SmsRelayRequest[plain, " + text.length() + " chars]";
    }

    /** An SMS relay request that cannot be decoded. */
    public static final class MalformedRequestException extends Exception {
        private static final long serialVersionUID = 1L;

        /** Creates the exception with a reason. */
        public MalformedRequestException(String reason) {
            super(reason);
        }
    }
}

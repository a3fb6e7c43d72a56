package org.habarshy.core.compact;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A single-byte character set for Kazakh, Russian and English text ("HBS1", frozen: part of the protocol). ASCII
 * keeps its values; lower-case Cyrillic (Russian and the nine Kazakh letters) takes the unused control values and
 * 0x80..0x8F, which Deflate's fixed Huffman code writes in 8 bits; upper case and typographic punctuation follow;
 * any other character is {@code 0xFF} followed by its UTF-8 bytes. The layout is in docs/PROTOCOL.md.
 */
public final class SmsCharset {
    /** Byte that introduces one character written in UTF-8. */
    static final int ESCAPE = 0xFF;
    static final String LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі«»";
    static final String UPPER = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІ";
    static final String PUNCTUATION = "—–…№’‘“”„•€₸";

    private final char[] byteToChar = new char[256];
    private final Map<Character, Integer> charToByte = new HashMap<>();

    /** Builds the frozen table. */
    public SmsCharset() {
        Arrays.fill(byteToChar, '\uFFFF');
        for (int b = 0x20; b < 0x7F; b++) {
            assign(b, (char) b);
        }
        assign('\t', '\t');
        assign('\n', '\n');
        assign('\r', '\r');
        int[] lowerSlots = lowerSlots();
        for (int i = 0; i < LOWER.length(); i++) {
            assign(lowerSlots[i], LOWER.charAt(i));
        }
        int next = 0x90;
        for (char c : (UPPER + PUNCTUATION).toCharArray()) {
            assign(next++, c);
        }
    }

    private static int[] lowerSlots() {
        int[] slots = new int[LOWER.length()];
        int n = 0;
        for (int b = 0x01; b < 0x20 && n < slots.length; b++) {
            if (b != '\t' && b != '\n' && b != '\r') {
                slots[n++] = b;
            }
        }
        for (int b = 0x80; n < slots.length; b++) {
            slots[n++] = b;
        }
        return slots;
    }

    private void assign(int b, char c) {
        byteToChar[b] = c;
        charToByte.put(c, b);
    }

    /** Returns the bytes of {@code text}; never fails (unmapped characters are escaped). */
    public byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Integer b = cp <= Character.MAX_VALUE ? charToByte.get((char) cp) : null;
            if (b != null) {
                out.write(b);
            } else {
                out.write(ESCAPE);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            }
            i += Character.charCount(cp);
        }
        return out.toByteArray();
    }

    /** Returns the text of {@code bytes}; throws MalformedCompactTextException on an unassigned byte or bad escape. */
    public String decode(byte[] bytes) throws MalformedCompactTextException {
        StringBuilder text = new StringBuilder(bytes.length);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < bytes.length; ) {
            int b = bytes[i++] & 0xFF;
            if (b != ESCAPE) {
                char c = byteToChar[b];
                if (c == '\uFFFF') {
                    throw new MalformedCompactTextException("unassigned byte in text");
                }
                text.append(c);
                continue;
            }
            if (i >= bytes.length) {
                throw new MalformedCompactTextException("escape at end of text");
            }
            int length = utf8Length(bytes[i] & 0xFF);
            if (length == 0 || i + length > bytes.length) {
                throw new MalformedCompactTextException("bad escaped character");
            }
            try {
                CharBuffer decoded = utf8.decode(ByteBuffer.wrap(bytes, i, length));
                if (decoded.codePoints().count() != 1) {
                    throw new MalformedCompactTextException("bad escaped character");
                }
                text.append(decoded);
            } catch (CharacterCodingException e) {
                throw new MalformedCompactTextException("bad escaped character");
            }
            i += length;
        }
        return text.toString();
    }

    private static int utf8Length(int lead) {
        if (lead < 0x80) {
            return 1;
        } else if (lead >= 0xC2 && lead < 0xE0) {
            return 2;
        } else if (lead >= 0xE0 && lead < 0xF0) {
            return 3;
        } else if (lead >= 0xF0 && lead < 0xF5) {
            return 4;
        }
        return 0;
    }
}

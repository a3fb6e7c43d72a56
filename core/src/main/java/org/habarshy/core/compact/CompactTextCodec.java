package org.habarshy.core.compact;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Turns a short text into the smallest plaintext of a compact message, and back. The first byte is
 * {@code contentType << 4 | method}; content type 0 is text. Methods: 0 UTF-8 as is, 1 {@link SmsCharset} as is,
 * 2.. {@link SmsCharset} bytes compressed with raw Deflate and one of the preset {@link CompressionDictionaries}.
 * The encoder tries every method and keeps the shortest. Decompression stops at {@link #MAX_TEXT_BYTES}, so a
 * crafted message cannot expand beyond it. Thread-safe.
 */
public final class CompactTextCodec {
    /** Upper bound on the decoded text, in bytes of its encoding; larger input is refused. */
    public static final int MAX_TEXT_BYTES = 4096;
    static final int TYPE_TEXT = 0;
    static final int METHOD_UTF8 = 0;
    static final int METHOD_CHARSET = 1;
    static final int METHOD_FIRST_DICTIONARY = 2;

    private final SmsCharset charset;
    private final List<byte[]> dictionaries;

    /** Creates the codec with the frozen charset and dictionaries. */
    public CompactTextCodec(SmsCharset charset, CompressionDictionaries dictionaries) {
        this.charset = Objects.requireNonNull(charset, "charset");
        this.dictionaries = dictionaries.encoded(charset);
    }

    /** Returns the shortest encoding of {@code text}; throws IllegalArgumentException if it is empty or too long. */
    public byte[] encode(String text) {
        Objects.requireNonNull(text, "text");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] single = charset.encode(text);
        if (text.isEmpty() || Math.min(utf8.length, single.length) > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text must be 1.." + MAX_TEXT_BYTES + " bytes");
        }
        byte[] best = withHeader(METHOD_UTF8, utf8);
        if (single.length <= MAX_TEXT_BYTES) {
            best = shorter(best, withHeader(METHOD_CHARSET, single));
            for (int i = 0; i < dictionaries.size(); i++) {
                best = shorter(best, withHeader(METHOD_FIRST_DICTIONARY + i, deflate(single, dictionaries.get(i))));
            }
        }
        return best;
    }

    /** Returns the text of an encoded plaintext; throws MalformedCompactTextException for anything it cannot decode. */
    public String decode(byte[] encoded) throws MalformedCompactTextException {
        if (encoded == null || encoded.length < 2) {
            throw new MalformedCompactTextException("empty text");
        }
        int type = (encoded[0] & 0xFF) >>> 4;
        int method = encoded[0] & 0x0F;
        if (type != TYPE_TEXT) {
            throw new MalformedCompactTextException("unknown content type " + type);
        }
        byte[] body = Arrays.copyOfRange(encoded, 1, encoded.length);
        if (method == METHOD_UTF8) {
            if (body.length > MAX_TEXT_BYTES) {
                throw new MalformedCompactTextException("text too long");
            }
            return strictUtf8(body);
        }
        if (method == METHOD_CHARSET) {
            if (body.length > MAX_TEXT_BYTES) {
                throw new MalformedCompactTextException("text too long");
            }
            return charset.decode(body);
        }
        int dictionary = method - METHOD_FIRST_DICTIONARY;
        if (dictionary >= dictionaries.size()) {
            throw new MalformedCompactTextException("unknown text method " + method);
        }
        return charset.decode(inflate(body, dictionaries.get(dictionary)));
    }

    private static byte[] withHeader(int method, byte[] body) {
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) (TYPE_TEXT << 4 | method);
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    private static byte[] shorter(byte[] a, byte[] b) {
        return b.length < a.length ? b : a;
    }

    private static byte[] deflate(byte[] input, byte[] dictionary) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setDictionary(dictionary);
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + 16);
            byte[] buffer = new byte[512];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Inflates at most {@link #MAX_TEXT_BYTES}; more output, a truncated stream or trailing bytes are refused. */
    private static byte[] inflate(byte[] input, byte[] dictionary) throws MalformedCompactTextException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(dictionary);
            inflater.setInput(input);
            byte[] out = new byte[MAX_TEXT_BYTES + 1];
            int total = 0;
            while (!inflater.finished() && total < out.length) {
                int n = inflater.inflate(out, total, out.length - total);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new MalformedCompactTextException("truncated compressed text");
                }
                total += n;
            }
            if (!inflater.finished() || total > MAX_TEXT_BYTES) {
                throw new MalformedCompactTextException("compressed text expands beyond " + MAX_TEXT_BYTES + " bytes");
            }
            if (inflater.getRemaining() != 0) {
                throw new MalformedCompactTextException("bytes after compressed text");
            }
            return Arrays.copyOf(out, total);
        } catch (DataFormatException e) {
            throw new MalformedCompactTextException("corrupt compressed text");
        } finally {
            inflater.end();
        }
    }

    private static String strictUtf8(byte[] bytes) throws MalformedCompactTextException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MalformedCompactTextException("invalid UTF-8 text");
        }
    }
}

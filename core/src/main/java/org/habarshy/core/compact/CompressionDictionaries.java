package org.habarshy.core.compact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The frozen preset Deflate dictionaries of the compact text codec, in method order: Kazakh, Russian, English.
 * Each is a UTF-8 resource of frequent words and phrases of short messages, most frequent last (nearest to the
 * message, so cheapest to refer to). Changing a byte changes the protocol: add a new method instead.
 */
public final class CompressionDictionaries {
    /** Resource names, in method order (method 2, 3, 4). */
    static final List<String> RESOURCES = List.of("dict-kk-v1.txt", "dict-ru-v1.txt", "dict-en-v1.txt");

    private final List<String> texts;

    private CompressionDictionaries(List<String> texts) {
        this.texts = List.copyOf(texts);
    }

    /** Loads the built-in dictionaries from the class path. */
    public static CompressionDictionaries builtIn() {
        List<String> texts = new ArrayList<>();
        for (String name : RESOURCES) {
            try (InputStream in = CompressionDictionaries.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing dictionary resource " + name);
                }
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CompressionDictionaries(texts);
    }

    /** Returns each dictionary in {@code charset}, without a trailing line end, keeping at most the last 32 KiB. */
    List<byte[]> encoded(SmsCharset charset) {
        List<byte[]> out = new ArrayList<>();
        for (String text : texts) {
            byte[] bytes = charset.encode(text.strip().replace('\n', ' '));
            int keep = Math.min(bytes.length, 32 * 1024);
            out.add(java.util.Arrays.copyOfRange(bytes, bytes.length - keep, bytes.length));
        }
        return out;
    }
}

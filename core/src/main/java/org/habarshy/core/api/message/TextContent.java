package org.habarshy.core.api.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A text message and its author's timestamp (Unix milliseconds). */
public record TextContent(String text, long sentAt) implements MessageContent {
    /** Longest text, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;

    /** Checks the text is non-empty and at most {@link #MAX_TEXT_BYTES}. */
    public TextContent {
        Objects.requireNonNull(text, "text");
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0 || length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text must be 1.." + MAX_TEXT_BYTES + " UTF-8 bytes, was " + length);
        }
    }
}

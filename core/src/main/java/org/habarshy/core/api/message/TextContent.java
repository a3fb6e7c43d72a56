package org.habarshy.core.api.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A text message, its author's timestamp (Unix milliseconds) and, for a disappearing message, how long after
 * storing it each side deletes its copy (milliseconds; 0 = keep).
 */
public record TextContent(String text, long sentAt, long disappearAfterMillis) implements MessageContent {
    /** Longest text, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;
    /** Longest disappearing-message timer. */
    public static final long MAX_DISAPPEAR_AFTER_MILLIS = 365L * 24 * 60 * 60 * 1000;

    /** Checks the text is non-empty and at most {@link #MAX_TEXT_BYTES}, and the timer is in range. */
    public TextContent {
        Objects.requireNonNull(text, "text");
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        if (length == 0 || length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text must be 1.." + MAX_TEXT_BYTES + " UTF-8 bytes, was " + length);
        }
        if (disappearAfterMillis < 0 || disappearAfterMillis > MAX_DISAPPEAR_AFTER_MILLIS) {
            throw new IllegalArgumentException("disappearing timer must be 0.." + MAX_DISAPPEAR_AFTER_MILLIS + " ms");
        }
    }

    /** Creates a message that is kept. */
    public TextContent(String text, long sentAt) {
        this(text, sentAt, 0);
    }
}

package org.habarshy.core.channel;

import java.util.Locale;
import org.habarshy.core.crypto.ChannelPostFormat;

/** How important a channel post is. Every user interface shows it in words and with an icon, never by colour alone. */
public enum Severity {
    /** For information. */
    INFO(ChannelPostFormat.SEVERITY_INFO),
    /** A warning. */
    WARNING(ChannelPostFormat.SEVERITY_WARNING),
    /** Urgent: act now. Raises the visual alert. */
    URGENT(ChannelPostFormat.SEVERITY_URGENT);

    private final int code;

    Severity(int code) {
        this.code = code;
    }

    /** Returns the byte that stands for this severity on the wire. */
    public int code() {
        return code;
    }

    /** Returns the severity of a wire byte; throws IllegalArgumentException for an unknown one. */
    public static Severity ofCode(int code) {
        for (Severity s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity " + code);
    }

    /** Parses {@code info}, {@code warning} or {@code urgent} (any case). */
    public static Severity parse(String word) {
        try {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity must be info, warning or urgent");
        }
    }
}

package org.habarshy.core.attachment;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a file name chosen by a peer into one safe to show and to create in any directory on Linux, macOS and
 * Windows: the last path segment only, no control, format or separator characters, no names Windows reserves
 * ({@code CON}, {@code NUL}, {@code COM1}...), no leading dots (hidden files, {@code ..}), no trailing dots or
 * spaces, at most {@value #MAX_BYTES} UTF-8 bytes with the extension kept. Never returns an empty name.
 */
public final class FileNames {
    /** Longest sanitized name, in UTF-8 bytes (most file systems allow 255). */
    public static final int MAX_BYTES = 200;
    /** The name used when nothing of the peer's name survives. */
    public static final String FALLBACK = "file";
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
            "LPT9", "CONIN$", "CONOUT$");
    private static final String FORBIDDEN = "<>:\"/\\|?*";

    private FileNames() {
    }

    /** Returns the safe form of {@code name}. */
    public static String sanitize(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC);
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(allowed(c) ? c : '_'));
        String clean = strip(out.toString());
        String base = clean.contains(".") ? clean.substring(0, clean.indexOf('.')) : clean;
        if (RESERVED.contains(base.toUpperCase(Locale.ROOT).trim())) {
            clean = "_" + clean;
        }
        clean = shorten(clean);
        return clean.isEmpty() ? FALLBACK : clean;
    }

    private static boolean allowed(int c) {
        int type = Character.getType(c);
        return c >= 0x20 && c != 0x7f && FORBIDDEN.indexOf(c) < 0 && type != Character.CONTROL
                && type != Character.FORMAT && type != Character.UNASSIGNED && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Cuts the base name (never inside a code point) so the whole name fits {@link #MAX_BYTES}. */
    private static String shorten(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return s;
        }
        int dot = s.lastIndexOf('.');
        String ext = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
        String base = ext.isEmpty() ? s : s.substring(0, dot);
        int budget = MAX_BYTES - ext.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length(); ) {
            int c = base.codePointAt(i);
            int bytes = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            cut.appendCodePoint(c);
            used += bytes;
            i += Character.charCount(c);
        }
        return strip(cut.toString()) + ext;
    }
}

package org.habarshy.core.attachment;

import java.util.Locale;
import java.util.Map;

/**
 * Guesses a MIME type from a file name's extension (a fixed table, so the result does not depend on the platform),
 * and cleans a peer's MIME type to {@code type/subtype} in lower-case ASCII.
 */
public final class MimeTypes {
    /** What unknown content is called. */
    public static final String UNKNOWN = "application/octet-stream";
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"), Map.entry("webp", "image/webp"),
            Map.entry("heic", "image/heic"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
            Map.entry("md", "text/markdown"), Map.entry("csv", "text/csv"), Map.entry("html", "text/html"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"), Map.entry("m4a", "audio/mp4"),
            Map.entry("wav", "audio/wav"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mov", "video/quicktime"), Map.entry("zip", "application/zip"),
            Map.entry("doc", "application/msword"), Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("json", "application/json"));

    private MimeTypes() {
    }

    /** Returns the type for {@code fileName}'s extension, or {@link #UNKNOWN}. */
    public static String guess(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return UNKNOWN;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
    }

    /** Returns {@code mime} if it is a plain {@code type/subtype} token pair, else {@link #UNKNOWN}. */
    public static String clean(String mime) {
        String m = mime.toLowerCase(Locale.ROOT);
        return m.matches("[a-z0-9][a-z0-9.+-]{0,40}/[a-z0-9][a-z0-9.+-]{0,80}") ? m : UNKNOWN;
    }
}

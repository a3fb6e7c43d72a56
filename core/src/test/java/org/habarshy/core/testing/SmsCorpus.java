package org.habarshy.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The fixed benchmark corpus of {@code src/test/resources/sms-corpus}: the first 160 characters of each line. */
public final class SmsCorpus {
    /** Languages of the corpus, by file name. */
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private SmsCorpus() {
    }

    /** Returns the 30 messages of one language, each cut to 160 code points. */
    public static List<String> messages(String language) {
        try (InputStream in = SmsCorpus.class.getResourceAsStream("/sms-corpus/" + language + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("missing corpus " + language);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(SmsCorpus::first160).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String first160(String line) {
        int end = line.offsetByCodePoints(0, Math.min(160, line.codePointCount(0, line.length())));
        return line.substring(0, end);
    }

    /** Returns how many SMS a plain text takes: GSM 7-bit if every character is ASCII-printable, else UCS-2. */
    public static int plainSegments(String text) {
        boolean gsm = text.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '`' && c != '^' && c != '{'
                && c != '}' && c != '[' && c != ']' && c != '~' && c != '\\' && c != '|');
        int units = gsm ? text.length() : text.length();
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        return units <= single ? 1 : (units + part - 1) / part;
    }
}

package org.habarshy.desktop.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where passphrases come from: the first line of a file, an environment variable, or a terminal. Every array it
 * returns is the caller's to wipe ({@link #wipe}); it never prints or logs a passphrase.
 */
final class PassphraseSources {
    /** Largest passphrase file read: one line of text, not a document. */
    static final int MAX_FILE_BYTES = 4096;
    private static final char REPLACEMENT = (char) 0xFFFD;

    private PassphraseSources() {
    }

    /**
     * Returns the passphrase from {@code file} if given, else from the environment variable if set, else null. A
     * file holds the passphrase on its first line, in UTF-8; the line end is not part of it.
     */
    static char[] given(Path file, Terminal terminal, String environmentVariable) throws IOException {
        if (file != null) {
            return readFirstLine(file);
        }
        String value = terminal.environment(environmentVariable);
        return value == null ? null : checked(value.toCharArray(), "$" + environmentVariable);
    }

    /**
     * Returns {@code passphrase}, or wipes it and throws if a non-UTF-8 locale already replaced some of its
     * characters with U+FFFD: such a passphrase is weaker than the one typed and would not open the file elsewhere.
     */
    static char[] checked(char[] passphrase, String source) {
        for (char c : passphrase) {
            if (c == REPLACEMENT) {
                wipe(passphrase);
                throw new IllegalArgumentException(source + " contains characters the locale could not pass on (it "
                        + "is not UTF-8); run with LC_ALL=C.UTF-8, or use --passphrase-file");
            }
        }
        return passphrase;
    }

    private static char[] readFirstLine(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("passphrase file " + file + " is larger than " + MAX_FILE_BYTES
                    + " bytes; it should hold one line");
        }
        byte[] bytes = Files.readAllBytes(file);
        CharBuffer chars = null;
        try {
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end));
            return Arrays.copyOfRange(chars.array(), chars.arrayOffset(), chars.arrayOffset() + chars.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("passphrase file " + file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }

    /**
     * Asks for a new passphrase twice and returns it; an empty first answer means none and is not repeated. Throws
     * IllegalArgumentException if input ends or the two answers differ: nothing is changed then.
     */
    static char[] chooseInteractively(Terminal terminal, String prompt) {
        char[] first = terminal.readPassword(prompt);
        if (first == null) {
            throw new IllegalArgumentException("no passphrase typed; nothing was changed");
        }
        checked(first, "the passphrase typed");
        if (first.length == 0) {
            return first;
        }
        char[] second = terminal.readPassword("Type it again: ");
        try {
            if (second == null || !equalInConstantTime(first, second)) {
                wipe(first);
                throw new IllegalArgumentException("the two passphrases differ; nothing was changed");
            }
            return first;
        } finally {
            wipe(second);
        }
    }

    private static boolean equalInConstantTime(char[] a, char[] b) {
        int difference = a.length ^ b.length;
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            difference |= (i < a.length ? a[i] : 0) ^ (i < b.length ? b[i] : 0);
        }
        return difference == 0;
    }

    /** Overwrites a passphrase with zeros; null is ignored. */
    static void wipe(char[] passphrase) {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }
}

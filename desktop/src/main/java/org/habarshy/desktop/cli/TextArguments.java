package org.habarshy.desktop.cli;

/**
 * Guards text typed on the command line. Java 17 decodes arguments with the locale's charset; under a
 * non-UTF-8 locale every Kazakh or Russian letter arrives as U+FFFD, and storing that would lose the text.
 */
final class TextArguments {
    private static final char REPLACEMENT = (char) 0xFFFD;

    private TextArguments() {
    }

    /** Returns {@code text}, or throws if the terminal's encoding already destroyed it. */
    static String checked(String what, String text) {
        if (text.indexOf(REPLACEMENT) >= 0) {
            throw new IllegalArgumentException(what + " contains characters your terminal could not pass on "
                    + "(the locale is not UTF-8); run with LC_ALL=C.UTF-8, or give the text on standard input with '-'");
        }
        return text;
    }
}

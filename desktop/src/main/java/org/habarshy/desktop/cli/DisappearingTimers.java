package org.habarshy.desktop.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and prints disappearing-message timers: {@code off} or a number with s, m, h, d or w. */
final class DisappearingTimers {
    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,6})([smhdw])");
    private static final Duration SHORTEST = Duration.ofSeconds(10);
    private static final Duration LONGEST = Duration.ofDays(365);

    private DisappearingTimers() {
    }

    /** Returns the timer {@code text} names (zero for {@code off}); IllegalArgumentException says what is accepted. */
    static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("timer '" + text + "' not understood: use e.g. 30s, 10m, 1h, 7d, 2w or off");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (d.compareTo(SHORTEST) < 0 || d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("timer must be between 10s and 365d, or off");
        }
        return d;
    }

    /** Returns {@code d} in the largest whole unit, e.g. {@code 1h}, {@code 90m}. */
    static String format(Duration d) {
        long s = d.toSeconds();
        if (s % (7 * 86_400) == 0) {
            return s / (7 * 86_400) + "w";
        }
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}

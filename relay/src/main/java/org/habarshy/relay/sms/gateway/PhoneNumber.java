package org.habarshy.relay.sms.gateway;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in international form ({@code +} and 7..15 digits, E.164). Numbers are bound to contacts or relay
 * peers only by the user, never carried in envelopes, and never logged: {@link #toString()} prints no digit.
 */
public final class PhoneNumber {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private final String digits;

    private PhoneNumber(String e164) {
        this.digits = e164;
    }

    /** Parses {@code +77011234567}; spaces, dashes and parentheses are ignored. Throws for anything else. */
    public static PhoneNumber parse(String text) {
        String compact = Objects.requireNonNull(text, "text").replaceAll("[\\s()-]", "");
        if (!E164.matcher(compact).matches()) {
            throw new IllegalArgumentException("not an international phone number (+ and 7..15 digits)");
        }
        return new PhoneNumber(compact);
    }

    /** Returns the number as {@code +} and digits, for gateways only; never log it. */
    public String e164() {
        return digits;
    }

    /** Returns the number without the {@code +}, as SMPP and AT commands want it. */
    public String digitsOnly() {
        return digits.substring(1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Prints no digit, so a number can never reach a log by accident. */
    @Override
    public String toString() {
        return "PhoneNumber[redacted]";
    }
}

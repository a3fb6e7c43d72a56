package org.habarshy.core.identity;

import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.crypto.DomainLabels;
import org.habarshy.core.crypto.Hashing;

/**
 * Short, speakable fingerprints of identity keys, for comparing in person or by phone: six groups
 * of five digits from {@code Hashing.sha256("habarshy/v1/safety-number", key)}, each group taken
 * from 5 bytes (40 bits) modulo 100000.
 */
public final class SafetyNumbers {
    private static final int GROUPS = 6;
    private static final int BYTES_PER_GROUP = 5;

    private SafetyNumbers() {
    }

    /** Returns the safety number of {@code key}, e.g. {@code 01234 56789 ...}. */
    public static String of(IdentityKey key) {
        byte[] hash = Hashing.sha256(DomainLabels.SAFETY_NUMBER, key.bytes());
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < GROUPS; g++) {
            long value = 0;
            for (int i = 0; i < BYTES_PER_GROUP; i++) {
                value = (value << 8) | (hash[g * BYTES_PER_GROUP + i] & 0xff);
            }
            if (g > 0) {
                out.append(' ');
            }
            out.append(String.format("%05d", value % 100_000));
        }
        return out.toString();
    }
}

package org.habarshy.core.mailbox;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import org.habarshy.core.crypto.Hashing;
import org.habarshy.core.identity.Base32;

/**
 * One-line codes of the form {@code PREFIX || BASE32(body || checksum)}, {@code checksum = H(label, body)[0..4)}, as
 * contact codes are (docs/PROTOCOL.md section 4): readers ignore case, white space and {@code -}.
 */
final class CheckedCodes {
    static final int CHECKSUM_BYTES = 4;
    /** Longest code text read, far above any valid code, so that pasted garbage is refused before decoding. */
    static final int MAX_TEXT = 512;

    private CheckedCodes() {
    }

    static String encode(String prefix, String label, byte[] body) {
        byte[] all = Arrays.copyOf(body, body.length + CHECKSUM_BYTES);
        System.arraycopy(Hashing.sha256(label, body), 0, all, body.length, CHECKSUM_BYTES);
        return prefix + Base32.encode(all);
    }

    static byte[] decode(String prefix, String label, String what, String text) throws InvalidCodeException {
        if (text.length() > MAX_TEXT) {
            throw new InvalidCodeException("not a " + what + ": too long");
        }
        String clean = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!clean.startsWith(prefix)) {
            throw new InvalidCodeException("not a " + what + " (it starts with " + prefix + ")");
        }
        byte[] all;
        try {
            all = Base32.decode(clean.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidCodeException("not a " + what + ": " + e.getMessage());
        }
        if (all.length <= CHECKSUM_BYTES) {
            throw new InvalidCodeException("not a " + what + ": too short");
        }
        byte[] body = Arrays.copyOf(all, all.length - CHECKSUM_BYTES);
        byte[] expected = Arrays.copyOf(Hashing.sha256(label, body), CHECKSUM_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(all, body.length, all.length))) {
            throw new InvalidCodeException("the " + what + " has a typing error (checksum mismatch)");
        }
        return body;
    }
}

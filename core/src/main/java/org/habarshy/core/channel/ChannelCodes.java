package org.habarshy.core.channel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.habarshy.core.crypto.DomainLabels;
import org.habarshy.core.crypto.Hashing;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.crypto.SubscriberSecret;
import org.habarshy.core.identity.Base32;

/**
 * Channel codes (shared to subscribe) and posting keys (shared, explicitly, to let someone post), as one line of
 * text each (docs/PROTOCOL.md §12.2):
 * <pre>
 * code        = "HC1" || BASE32(body || checksum)      body: key = the channel's Ed25519 public key
 * posting key = "HP1" || BASE32(body || checksum)      body: key = the channel's Ed25519 private seed
 * body        = version 0x01 || flags (bit 0: private) || key (32) || [secret (32) if private]
 *               || n uint8 (1..64) || name (n bytes UTF-8)
 * checksum    = H("habarshy/v1/channel-code", UTF8(prefix) || body)[0..4)
 * </pre>
 * Readers ignore case, white space and {@code -}. The checksum catches typing mistakes; it is no signature.
 */
public final class ChannelCodes {
    /** Prefix of a channel code. */
    public static final String CODE_PREFIX = "HC1";
    /** Prefix of a posting key. */
    public static final String POSTING_KEY_PREFIX = "HP1";
    /** Longest channel name in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 64;
    private static final int VERSION = 1;
    private static final int FLAG_PRIVATE = 0x01;
    private static final int CHECKSUM_BYTES = 4;
    private static final int MAX_CODE_CHARS = 512;

    /** Creates the codec; it holds no state. */
    public ChannelCodes() {
    }

    /** Returns the channel code of {@code channel} (without its posting key). */
    public String code(String name, ChannelKey key, Optional<SubscriberSecret> secret) {
        return encode(CODE_PREFIX, name, key.bytes(), secret);
    }

    /** Returns the posting key text of the channel: whoever holds it can post. */
    public String postingKey(String name, SigningKeyPair channelKey, Optional<SubscriberSecret> secret) {
        byte[] seed = channelKey.exportSeed();
        try {
            return encode(POSTING_KEY_PREFIX, name, seed, secret);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Decodes a channel code, or says why it cannot be used. */
    public ChannelCode decodeCode(String text) throws InvalidChannelCodeException {
        return decode(CODE_PREFIX, "channel code", text);
    }

    /** Decodes a posting key, or says why it cannot be used. */
    public ChannelCode decodePostingKey(String text) throws InvalidChannelCodeException {
        return decode(POSTING_KEY_PREFIX, "posting key", text);
    }

    /**
     * Checks a channel name: 1..64 UTF-8 bytes, not blank, without control or format characters (format characters
     * include the bidirectional overrides and zero-width characters that could make one name look like another).
     */
    public static void checkName(String name) throws InvalidChannelCodeException {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (name.isBlank() || bytes > MAX_NAME_BYTES || name.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidChannelCodeException("a channel name must be 1 to " + MAX_NAME_BYTES
                    + " bytes of text without control or invisible formatting characters");
        }
    }

    private static String encode(String prefix, String name, byte[] key, Optional<SubscriberSecret> secret) {
        try {
            checkName(name);
        } catch (InvalidChannelCodeException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(VERSION);
        body.write(secret.isPresent() ? FLAG_PRIVATE : 0);
        body.writeBytes(key);
        secret.ifPresent(s -> body.writeBytes(s.export()));
        body.write(nameBytes.length);
        body.writeBytes(nameBytes);
        byte[] b = body.toByteArray();
        byte[] payload = Arrays.copyOf(b, b.length + CHECKSUM_BYTES);
        System.arraycopy(checksum(prefix, b), 0, payload, b.length, CHECKSUM_BYTES);
        String out = prefix + Base32.encode(payload);
        Arrays.fill(b, (byte) 0);
        Arrays.fill(payload, (byte) 0);
        return out;
    }

    private static ChannelCode decode(String prefix, String what, String text) throws InvalidChannelCodeException {
        String trimmed = text.strip();
        if (trimmed.length() > MAX_CODE_CHARS) {
            throw new InvalidChannelCodeException(what + " is too long");
        }
        if (!trimmed.regionMatches(true, 0, prefix, 0, prefix.length())) {
            String other = prefix.equals(CODE_PREFIX) ? POSTING_KEY_PREFIX : CODE_PREFIX;
            if (trimmed.regionMatches(true, 0, other, 0, other.length())) {
                throw new InvalidChannelCodeException("this is a " + (other.equals(CODE_PREFIX) ? "channel code"
                        : "posting key") + ", not a " + what);
            }
            throw new InvalidChannelCodeException("not a Habarshy " + what + " (it should start with " + prefix
                    + ")");
        }
        byte[] payload;
        try {
            payload = Base32.decode(trimmed.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidChannelCodeException(what + " is mistyped: " + e.getMessage());
        }
        if (payload.length < 2 + 32 + 1 + 1 + CHECKSUM_BYTES) {
            throw new InvalidChannelCodeException(what + " is too short");
        }
        byte[] body = Arrays.copyOf(payload, payload.length - CHECKSUM_BYTES);
        byte[] given = Arrays.copyOfRange(payload, body.length, payload.length);
        if (!MessageDigest.isEqual(given, checksum(prefix, body))) {
            throw new InvalidChannelCodeException(what + " is mistyped (checksum does not match)");
        }
        try {
            return parseBody(body, prefix.equals(POSTING_KEY_PREFIX), what);
        } finally {
            Arrays.fill(body, (byte) 0);
            Arrays.fill(payload, (byte) 0);
        }
    }

    private static ChannelCode parseBody(byte[] body, boolean posting, String what)
            throws InvalidChannelCodeException {
        if ((body[0] & 0xFF) != VERSION) {
            throw new InvalidChannelCodeException(what + " is of an unknown version " + (body[0] & 0xFF));
        }
        int flags = body[1] & 0xFF;
        if ((flags & ~FLAG_PRIVATE) != 0) {
            throw new InvalidChannelCodeException(what + " has unknown flags");
        }
        boolean isPrivate = (flags & FLAG_PRIVATE) != 0;
        int offset = 2;
        byte[] key = Arrays.copyOfRange(body, offset, offset + 32);
        offset += 32;
        Optional<SubscriberSecret> secret = Optional.empty();
        if (isPrivate) {
            if (body.length < offset + 32 + 2) {
                throw new InvalidChannelCodeException(what + " is too short");
            }
            byte[] s = Arrays.copyOfRange(body, offset, offset + 32);
            secret = Optional.of(SubscriberSecret.of(s));
            Arrays.fill(s, (byte) 0);
            offset += 32;
        }
        int n = body[offset] & 0xFF;
        offset++;
        if (n == 0 || offset + n != body.length) {
            throw new InvalidChannelCodeException(what + " is damaged (name length does not match)");
        }
        String name;
        try {
            name = StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(body, offset, n)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidChannelCodeException(what + " is damaged (name is not UTF-8)");
        }
        checkName(name);
        if (posting) {
            SigningKeyPair pair = SigningKeyPair.fromSeed(key);
            Arrays.fill(key, (byte) 0);
            return new ChannelCode(name, new ChannelKey(pair.publicKey().bytes()), secret, Optional.of(pair));
        }
        if (!org.habarshy.core.crypto.SignatureVerifier.isValidPublicKey(key)) {
            throw new InvalidChannelCodeException(what + " is damaged (not a valid channel key)");
        }
        return new ChannelCode(name, new ChannelKey(key), secret, Optional.empty());
    }

    private static byte[] checksum(String prefix, byte[] body) {
        return Arrays.copyOf(Hashing.sha256(DomainLabels.CHANNEL_CODE,
                prefix.getBytes(StandardCharsets.UTF_8), body), CHECKSUM_BYTES);
    }
}

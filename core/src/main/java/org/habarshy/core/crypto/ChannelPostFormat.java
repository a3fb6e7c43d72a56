package org.habarshy.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.crypto.InvalidChannelPostException.Reason;

/**
 * Envelope kind 0x03: a post to a broadcast channel, signed by the channel's Ed25519 key and, for a private
 * channel, encrypted with a key derived from the {@link SubscriberSecret}. Same frame as the public signed document
 * of docs/PROTOCOL.md §8.1 (signer field, one-byte type, uint16 length, zero padding to 194 bytes, trailing
 * signature over every byte before it); layout in §12:
 * <pre>
 * offset    size  field
 * 0         1     version    = 0x01
 * 1         1     kind       = 0x03 (channel post)
 * 2         8     created_at uint64, Unix ms
 * 10        8     expires_at uint64, Unix ms, &gt; created_at
 * 18        32    channel    public: the channel's Ed25519 key; private: tag (see SubscriberSecret)
 * 50        1     mode       0x01 = public, 0x02 = private
 * 51        2     L          uint16, length of the body
 * 53        L     body       public: payload; private: ChaCha20-Poly1305(payload), aad = bytes[0, 53)
 * 53+L      p     zero padding, p = max(0, 194 - 117 - L)
 * 53+L+p    64    signature  Ed25519(channel key, UTF8("habarshy/v1/channel-post") || 0x00 || bytes[0, 53+L+p))
 * payload = sequence uint64 || severity uint8 (1 info, 2 warning, 3 urgent) || text (1..4096 bytes UTF-8)
 * </pre>
 * A reader checks the frame, then that the post belongs to the channel, then the signature, and only then decrypts
 * and parses the payload. Lifetime and replay are the caller's checks.
 */
public final class ChannelPostFormat {
    /** Envelope kind of channel posts. */
    public static final int KIND = 0x03;
    /** Mode byte of a post readable by anyone who carries it. */
    public static final int MODE_PUBLIC = 0x01;
    /** Mode byte of a post encrypted to the channel's subscribers. */
    public static final int MODE_PRIVATE = 0x02;
    /** Severity: for information. */
    public static final int SEVERITY_INFO = 1;
    /** Severity: a warning. */
    public static final int SEVERITY_WARNING = 2;
    /** Severity: urgent, act now. */
    public static final int SEVERITY_URGENT = 3;
    /** Largest text of a post, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 4096;
    /** Smallest envelope links carry (docs/PROTOCOL.md §2.3). */
    public static final int MIN_BYTES = 194;
    private static final int VERSION = 0x01;
    private static final int FIXED = 53;
    private static final int OFFSET_CHANNEL = 18;
    private static final int CHANNEL_BYTES = 32;
    private static final int PAYLOAD_PREFIX = 9;
    private static final int TAG = ChaCha20Poly1305Aead.TAG_BYTES;
    private static final int SIGNATURE = SigningKeyPair.SIGNATURE_BYTES;
    /** Largest body: the longest private payload. */
    private static final int MAX_BODY_BYTES = PAYLOAD_PREFIX + MAX_TEXT_BYTES + TAG;
    /** Largest post. */
    public static final int MAX_BYTES = FIXED + MAX_BODY_BYTES + SIGNATURE;

    private ChannelPostFormat() {
    }

    /**
     * Returns the envelope bytes of a post signed by {@code channelKey}: public if {@code secret} is empty,
     * otherwise encrypted to the holders of {@code secret} with a fresh tag drawn from {@code random}.
     *
     * @throws IllegalArgumentException if the text is empty, longer than {@link #MAX_TEXT_BYTES} in UTF-8, or the
     *     severity, sequence or timestamps are out of range
     */
    public static byte[] seal(SigningKeyPair channelKey, Optional<SubscriberSecret> secret, long sequence,
                              int severity, String text, long createdAt, long expiresAt, SecureRandom random) {
        Objects.requireNonNull(channelKey, "channelKey");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(random, "random");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == 0 || utf8.length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("post text must be 1.." + MAX_TEXT_BYTES + " UTF-8 bytes");
        }
        if (severity < SEVERITY_INFO || severity > SEVERITY_URGENT || sequence < 0) {
            throw new IllegalArgumentException("severity must be 1..3 and sequence not negative");
        }
        if (createdAt < 0 || expiresAt <= createdAt) {
            throw new IllegalArgumentException("need 0 <= createdAt < expiresAt");
        }
        byte[] payload = ByteBuffer.allocate(PAYLOAD_PREFIX + utf8.length).putLong(sequence).put((byte) severity)
                .put(utf8).array();
        byte[] channel = secret.isPresent() ? secret.get().newTag(random) : channelKey.publicKey().bytes();
        int bodyLength = payload.length + (secret.isPresent() ? TAG : 0);
        int padding = padding(bodyLength);
        byte[] out = new byte[FIXED + bodyLength + padding + SIGNATURE];
        ByteBuffer b = ByteBuffer.wrap(out);
        b.put((byte) VERSION).put((byte) KIND).putLong(createdAt).putLong(expiresAt).put(channel)
                .put((byte) (secret.isPresent() ? MODE_PRIVATE : MODE_PUBLIC)).putShort((short) bodyLength);
        if (secret.isPresent()) {
            byte[] keyAndNonce = secret.get().postKeyAndNonce(channel);
            ChaCha20Poly1305Aead.seal(Arrays.copyOf(keyAndNonce, ChaCha20Poly1305Aead.KEY_BYTES),
                    Arrays.copyOfRange(keyAndNonce, ChaCha20Poly1305Aead.KEY_BYTES, keyAndNonce.length),
                    Arrays.copyOf(out, FIXED), payload, 0, payload.length, out, FIXED);
            Arrays.fill(keyAndNonce, (byte) 0);
        } else {
            System.arraycopy(payload, 0, out, FIXED, payload.length);
        }
        int signedLength = out.length - SIGNATURE;
        byte[] signature = channelKey.sign(signingInput(out, signedLength));
        System.arraycopy(signature, 0, out, signedLength, SIGNATURE);
        return out;
    }

    /** Returns true if {@code envelope} claims to be a channel post (version 1, kind 3); nothing is verified. */
    public static boolean isChannelPost(byte[] envelope) {
        return envelope != null && envelope.length >= 2 && (envelope[0] & 0xFF) == VERSION
                && (envelope[1] & 0xFF) == KIND;
    }

    /**
     * Returns the 32-byte channel field of a well-framed post (the channel key of a public post, the tag of a
     * private one) after checking the frame (lengths, version, kind, timestamps, mode, padding).
     *
     * @throws InvalidChannelPostException MALFORMED
     */
    public static byte[] channelField(byte[] envelope) throws InvalidChannelPostException {
        checkFrame(envelope);
        return Arrays.copyOfRange(envelope, OFFSET_CHANNEL, OFFSET_CHANNEL + CHANNEL_BYTES);
    }

    /** Returns bytes [18, 50) of an envelope at least 50 bytes long, unchecked (tests and tools). */
    static byte[] channelFieldOf(byte[] envelope) {
        return Arrays.copyOfRange(envelope, OFFSET_CHANNEL, OFFSET_CHANNEL + CHANNEL_BYTES);
    }

    /** Returns the mode byte of a post whose frame {@link #channelField} accepted. */
    public static int mode(byte[] envelope) {
        return envelope[FIXED - 3] & 0xFF;
    }

    /**
     * Opens a post of the channel whose key is {@code channelKey} and, for a private channel, whose subscriber
     * secret is {@code secret}: frame, membership, signature, then decryption and payload.
     *
     * @throws InvalidChannelPostException MALFORMED, OTHER_CHANNEL, BAD_SIGNATURE or UNREADABLE
     */
    public static OpenedChannelPost open(byte[] envelope, IdentityKey channelKey, Optional<SubscriberSecret> secret)
            throws InvalidChannelPostException {
        Objects.requireNonNull(channelKey, "channelKey");
        Objects.requireNonNull(secret, "secret");
        int bodyLength = checkFrame(envelope);
        byte[] field = Arrays.copyOfRange(envelope, OFFSET_CHANNEL, OFFSET_CHANNEL + CHANNEL_BYTES);
        int mode = mode(envelope);
        boolean member = secret.isPresent()
                ? mode == MODE_PRIVATE && secret.get().matchesTag(field)
                : mode == MODE_PUBLIC && java.security.MessageDigest.isEqual(field, channelKey.bytes());
        if (!member) {
            throw new InvalidChannelPostException(Reason.OTHER_CHANNEL, "post is not for this channel");
        }
        int signedLength = envelope.length - SIGNATURE;
        try {
            SignatureVerifier.verify(channelKey, signingInput(envelope, signedLength),
                    Arrays.copyOfRange(envelope, signedLength, envelope.length));
        } catch (GeneralSecurityException e) {
            throw new InvalidChannelPostException(Reason.BAD_SIGNATURE,
                    "post signature does not verify under the channel key");
        }
        byte[] payload;
        if (secret.isPresent()) {
            if (bodyLength < TAG + PAYLOAD_PREFIX + 1) {
                throw new InvalidChannelPostException(Reason.MALFORMED, "private post body too short");
            }
            byte[] keyAndNonce = secret.get().postKeyAndNonce(field);
            payload = new byte[bodyLength - TAG];
            try {
                ChaCha20Poly1305Aead.open(Arrays.copyOf(keyAndNonce, ChaCha20Poly1305Aead.KEY_BYTES),
                        Arrays.copyOfRange(keyAndNonce, ChaCha20Poly1305Aead.KEY_BYTES, keyAndNonce.length),
                        Arrays.copyOf(envelope, FIXED), envelope, FIXED, bodyLength, payload, 0);
            } catch (GeneralSecurityException e) {
                throw new InvalidChannelPostException(Reason.UNREADABLE, "private post does not decrypt");
            } finally {
                Arrays.fill(keyAndNonce, (byte) 0);
            }
        } else {
            payload = Arrays.copyOfRange(envelope, FIXED, FIXED + bodyLength);
        }
        return decodePayload(envelope, payload);
    }

    private static OpenedChannelPost decodePayload(byte[] envelope, byte[] payload)
            throws InvalidChannelPostException {
        if (payload.length < PAYLOAD_PREFIX + 1 || payload.length > PAYLOAD_PREFIX + MAX_TEXT_BYTES) {
            throw new InvalidChannelPostException(Reason.MALFORMED, "post text must be 1.." + MAX_TEXT_BYTES
                    + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        long sequence = b.getLong();
        int severity = b.get() & 0xFF;
        if (sequence < 0) {
            throw new InvalidChannelPostException(Reason.MALFORMED, "sequence out of range");
        }
        if (severity < SEVERITY_INFO || severity > SEVERITY_URGENT) {
            throw new InvalidChannelPostException(Reason.MALFORMED, "unknown severity " + severity);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(b).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidChannelPostException(Reason.MALFORMED, "post text is not valid UTF-8");
        }
        ByteBuffer header = ByteBuffer.wrap(envelope);
        return new OpenedChannelPost(header.getLong(2), header.getLong(10), sequence, severity, text);
    }

    /** Checks everything that needs no key and returns the body length L. */
    private static int checkFrame(byte[] envelope) throws InvalidChannelPostException {
        Objects.requireNonNull(envelope, "envelope");
        if (envelope.length < MIN_BYTES || envelope.length > MAX_BYTES) {
            throw new InvalidChannelPostException(Reason.MALFORMED, "channel post length out of range");
        }
        if (!isChannelPost(envelope)) {
            throw new InvalidChannelPostException(Reason.MALFORMED, "not a channel post (version 1, kind 3)");
        }
        ByteBuffer b = ByteBuffer.wrap(envelope);
        long createdAt = b.getLong(2);
        long expiresAt = b.getLong(10);
        if (createdAt < 0 || expiresAt <= createdAt) {
            throw new InvalidChannelPostException(Reason.MALFORMED, "expires_at must be after created_at");
        }
        int mode = envelope[FIXED - 3] & 0xFF;
        if (mode != MODE_PUBLIC && mode != MODE_PRIVATE) {
            throw new InvalidChannelPostException(Reason.MALFORMED, "unknown channel mode " + mode);
        }
        int bodyLength = b.getShort(FIXED - 2) & 0xFFFF;
        if (bodyLength > MAX_BODY_BYTES) {
            throw new InvalidChannelPostException(Reason.MALFORMED, "post body too long");
        }
        int padding = padding(bodyLength);
        if (FIXED + bodyLength + padding + SIGNATURE != envelope.length) {
            throw new InvalidChannelPostException(Reason.MALFORMED, "post body length does not match the envelope");
        }
        for (int i = FIXED + bodyLength; i < FIXED + bodyLength + padding; i++) {
            if (envelope[i] != 0) {
                throw new InvalidChannelPostException(Reason.MALFORMED, "padding must be zero bytes");
            }
        }
        return bodyLength;
    }

    private static int padding(int bodyLength) {
        return Math.max(0, MIN_BYTES - FIXED - SIGNATURE - bodyLength);
    }

    private static byte[] signingInput(byte[] envelope, int signedLength) {
        byte[] label = Hashing.encodeLabel(DomainLabels.CHANNEL_POST);
        byte[] m = new byte[label.length + 1 + signedLength];
        System.arraycopy(label, 0, m, 0, label.length);
        System.arraycopy(envelope, 0, m, label.length + 1, signedLength);
        return m;
    }
}

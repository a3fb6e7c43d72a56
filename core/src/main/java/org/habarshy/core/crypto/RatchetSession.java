package org.habarshy.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.habarshy.core.api.identity.AgreementKey;

/**
 * One side of a Double Ratchet session (Signal's specification, revision 1) on X25519, HKDF-SHA256, HMAC-SHA256
 * and ChaCha20-Poly1305, without header encryption. The session is bootstrapped from both users' identity
 * X25519 keys: the side that {@link #start starts} it draws a session id and a ratchet key pair, and its first
 * chain comes from {@code X25519(its ratchet key, the peer's identity key)}, as Signal's first message uses the
 * peer's signed prekey; the peer {@link #accept accepts} the session from any message flagged "start".
 * Byte layouts: docs/PROTOCOL.md §3.2.
 *
 * <p>{@link #decrypt} works on a copy of the state and keeps it only if the message authenticates, so a bad
 * message never changes the session. Skipped message keys are bounded: at most {@link #MAX_SKIP} per chain (a
 * message further ahead is refused) and {@link SkippedMessageKeys#MAX_STORED} in all (the oldest are dropped),
 * each kept at most {@link SkippedMessageKeys#LIFETIME_MILLIS}. Not thread-safe: callers serialise use of one
 * session (Habarshy loads, uses and saves it in one database transaction).
 */
public final class RatchetSession {
    /** Most message keys one incoming chain may skip for one message. */
    public static final int MAX_SKIP = 1000;
    /** Longest ratchet message accepted (fits the largest envelope content). */
    public static final int MAX_MESSAGE_BYTES = EnvelopeFormat.MAX_CONTENT_BYTES;

    private final SecureRandom random;
    private RatchetState state;

    private RatchetSession(RatchetState state, SecureRandom random) {
        this.state = state;
        this.random = random;
    }

    /**
     * Starts a session with the holder of {@code peerIdentity}: draws a session id and a ratchet key pair from
     * {@code random}. Every message it encrypts is flagged "start" until it has decrypted one from the peer.
     */
    public static RatchetSession start(AgreementKeyPair ownIdentity, AgreementKey peerIdentity, SecureRandom random)
            throws GeneralSecurityException {
        Objects.requireNonNull(ownIdentity, "ownIdentity");
        Objects.requireNonNull(peerIdentity, "peerIdentity");
        Objects.requireNonNull(random, "random");
        RatchetState s = new RatchetState();
        s.sessionId = new byte[RatchetHeader.SESSION_ID_BYTES];
        random.nextBytes(s.sessionId);
        s.initiatorKey = ownIdentity.publicKey().bytes();
        s.responderKey = peerIdentity.bytes();
        byte[] secret = RatchetKdf.sessionSecret(ownIdentity.agree(s.responderKey), s.sessionId, s.initiatorKey,
                s.responderKey);
        s.sending = AgreementKeyPair.generate(random);
        s.remoteKey = peerIdentity.bytes();
        byte[][] step = RatchetKdf.root(secret, s.sending.agree(s.remoteKey));
        Arrays.fill(secret, (byte) 0);
        s.rootKey = step[0];
        s.sendingChain = step[1];
        return new RatchetSession(s, random);
    }

    /** The plaintext of the first message of an accepted session, and the session after it. */
    public record Accepted(RatchetSession session, byte[] plaintext) {
    }

    /**
     * Accepts the session that {@code message} (flagged "start") opens, from the holder of {@code peerIdentity},
     * and decrypts it. Fails with {@link RatchetException.Reason#UNKNOWN_SESSION} if the message is not flagged
     * "start", and as {@link #decrypt} does otherwise; nothing is kept then.
     */
    public static Accepted accept(AgreementKeyPair ownIdentity, AgreementKey peerIdentity, byte[] message,
                                  long nowMillis, SecureRandom random) throws GeneralSecurityException {
        Objects.requireNonNull(ownIdentity, "ownIdentity");
        Objects.requireNonNull(peerIdentity, "peerIdentity");
        Objects.requireNonNull(random, "random");
        RatchetHeader header = checkedHeader(message);
        if (!header.start()) {
            throw new RatchetException(RatchetException.Reason.UNKNOWN_SESSION,
                    "message of a session this side does not hold");
        }
        RatchetState s = new RatchetState();
        s.sessionId = header.sessionId();
        s.initiatorKey = peerIdentity.bytes();
        s.responderKey = ownIdentity.publicKey().bytes();
        s.rootKey = RatchetKdf.sessionSecret(ownIdentity.agree(s.initiatorKey), s.sessionId, s.initiatorKey,
                s.responderKey);
        s.sending = ownIdentity; // replaced by a fresh key pair in the ratchet step of the first decryption
        s.receivedAny = true;
        RatchetSession session = new RatchetSession(s, random);
        byte[] plaintext = session.decrypt(message, nowMillis);
        return new Accepted(session, plaintext);
    }

    /** Restores a session saved by {@link #serialize()}; refuses damaged or foreign bytes. */
    public static RatchetSession restore(byte[] saved, SecureRandom random) throws RatchetException {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(random, "random");
        return new RatchetSession(RatchetState.decode(saved), random);
    }

    /** Returns the state, private keys included, for storing; the caller protects it like a key. */
    public byte[] serialize() {
        return state.encode();
    }

    /** Returns a copy of the 8-byte session id. */
    public byte[] sessionId() {
        return state.sessionId.clone();
    }

    /** Returns true once this side has decrypted a message of the session (then it no longer sends "start"). */
    public boolean hasReceived() {
        return state.receivedAny;
    }

    /** Returns how many skipped message keys are kept. */
    public int skippedKeys() {
        return state.skipped.size();
    }

    /** Encrypts {@code plaintext} as the next message: {@code header (50) || ciphertext || tag (16)}. */
    public byte[] encrypt(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (plaintext.length > MAX_MESSAGE_BYTES - RatchetHeader.MIN_MESSAGE_BYTES) {
            throw new IllegalArgumentException("plaintext of " + plaintext.length + " bytes is too long");
        }
        if (state.sendingChain == null) {
            throw new IllegalStateException("an accepted session sends only after its first decryption");
        }
        if (state.sent >= 0xffff_ffffL) {
            throw new IllegalStateException("sending chain exhausted");
        }
        byte[][] step = RatchetKdf.chain(state.sendingChain);
        RatchetHeader header = new RatchetHeader(!state.receivedAny, state.sessionId, state.sending.publicKey(),
                state.previousSent, state.sent);
        state.sendingChain = step[0];
        state.sent++;
        byte[] headerBytes = header.encode();
        byte[] keyAndNonce = RatchetKdf.messageKeyAndNonce(step[1]);
        Arrays.fill(step[1], (byte) 0);
        byte[] out = new byte[headerBytes.length + plaintext.length + ChaCha20Poly1305Aead.TAG_BYTES];
        System.arraycopy(headerBytes, 0, out, 0, headerBytes.length);
        ChaCha20Poly1305Aead.seal(key(keyAndNonce), nonce(keyAndNonce), associatedData(headerBytes), plaintext, 0,
                plaintext.length, out, headerBytes.length);
        Arrays.fill(keyAndNonce, (byte) 0);
        return out;
    }

    /**
     * Decrypts a message of this session; {@code nowMillis} dates skipped keys and expires old ones. On any
     * failure the session is unchanged and {@link RatchetException} says why: malformed, another session, too
     * many skipped keys, replayed (or its key expired), or not authentic.
     */
    public byte[] decrypt(byte[] message, long nowMillis) throws RatchetException {
        RatchetHeader header = checkedHeader(message);
        if (!Arrays.equals(header.sessionId(), state.sessionId)) {
            throw new RatchetException(RatchetException.Reason.UNKNOWN_SESSION, "message of another session");
        }
        RatchetState work = state.copy();
        work.skipped.expire(nowMillis);
        byte[] remote = header.ratchetKey().bytes();
        byte[] messageKey = work.skipped.take(remote, header.messageNumber(), nowMillis);
        if (messageKey == null) {
            if (!Arrays.equals(remote, work.remoteKey)) {
                skip(work, header.previousChainLength(), nowMillis);
                ratchetStep(work, remote);
            } else if (header.messageNumber() < work.received) {
                throw new RatchetException(RatchetException.Reason.REPLAYED_OR_EXPIRED,
                        "message " + header.messageNumber() + " was already decrypted, or its key expired");
            }
            skip(work, header.messageNumber(), nowMillis);
            byte[][] step = RatchetKdf.chain(work.receivingChain);
            work.receivingChain = step[0];
            work.received++;
            messageKey = step[1];
        }
        byte[] plaintext = open(messageKey, message);
        work.receivedAny = true;
        state = work;
        return plaintext;
    }

    private static void skip(RatchetState s, long until, long now) throws RatchetException {
        if (until - s.received > MAX_SKIP) {
            throw new RatchetException(RatchetException.Reason.TOO_MANY_SKIPPED, "message would skip "
                    + (until - s.received) + " message keys; at most " + MAX_SKIP + " are derived per chain");
        }
        if (s.receivingChain == null) {
            return;
        }
        while (s.received < until) {
            byte[][] step = RatchetKdf.chain(s.receivingChain);
            s.receivingChain = step[0];
            s.skipped.put(s.remoteKey, s.received, step[1], now);
            Arrays.fill(step[1], (byte) 0);
            s.received++;
        }
    }

    private void ratchetStep(RatchetState s, byte[] remote) throws RatchetException {
        try {
            s.previousSent = s.sent;
            s.sent = 0;
            s.received = 0;
            s.remoteKey = remote.clone();
            byte[][] receiving = RatchetKdf.root(s.rootKey, s.sending.agree(remote));
            s.rootKey = receiving[0];
            s.receivingChain = receiving[1];
            s.sending = AgreementKeyPair.generate(random);
            byte[][] sendingStep = RatchetKdf.root(s.rootKey, s.sending.agree(remote));
            s.rootKey = sendingStep[0];
            s.sendingChain = sendingStep[1];
        } catch (GeneralSecurityException e) {
            throw new RatchetException(RatchetException.Reason.AUTHENTICATION_FAILED,
                    "ratchet key is a low-order point");
        }
    }

    private byte[] open(byte[] messageKey, byte[] message) throws RatchetException {
        byte[] keyAndNonce = RatchetKdf.messageKeyAndNonce(messageKey);
        Arrays.fill(messageKey, (byte) 0);
        byte[] headerBytes = Arrays.copyOf(message, RatchetHeader.BYTES);
        int length = message.length - RatchetHeader.BYTES;
        byte[] plaintext = new byte[length - ChaCha20Poly1305Aead.TAG_BYTES];
        try {
            ChaCha20Poly1305Aead.open(key(keyAndNonce), nonce(keyAndNonce), associatedData(headerBytes), message,
                    RatchetHeader.BYTES, length, plaintext, 0);
            return plaintext;
        } catch (GeneralSecurityException e) {
            throw new RatchetException(RatchetException.Reason.AUTHENTICATION_FAILED,
                    "ratchet message does not authenticate");
        } finally {
            Arrays.fill(keyAndNonce, (byte) 0);
        }
    }

    private static RatchetHeader checkedHeader(byte[] message) throws RatchetException {
        Objects.requireNonNull(message, "message");
        if (message.length > MAX_MESSAGE_BYTES) {
            throw new RatchetException(RatchetException.Reason.MALFORMED,
                    "ratchet message of " + message.length + " bytes is longer than " + MAX_MESSAGE_BYTES);
        }
        return RatchetHeader.parse(message);
    }

    /** {@code UTF8("habarshy/v1/ratchet") || 0x00 || initiator identity key || responder identity key || header}. */
    private byte[] associatedData(byte[] header) {
        return Concatenation.of(RatchetKdf.AD_LABEL.getBytes(StandardCharsets.UTF_8), new byte[1],
                state.initiatorKey, state.responderKey, header);
    }

    private static byte[] key(byte[] keyAndNonce) {
        return Arrays.copyOfRange(keyAndNonce, 0, ChaCha20Poly1305Aead.KEY_BYTES);
    }

    private static byte[] nonce(byte[] keyAndNonce) {
        return Arrays.copyOfRange(keyAndNonce, ChaCha20Poly1305Aead.KEY_BYTES,
                ChaCha20Poly1305Aead.KEY_BYTES + ChaCha20Poly1305Aead.NONCE_BYTES);
    }
}

package org.habarshy.core.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.habarshy.core.api.identity.AgreementKey;

/**
 * The clear header of a Double Ratchet message (docs/PROTOCOL.md §3.2), authenticated as associated data:
 * {@code version (1) || flags (1) || session id (8) || ratchet public key (32) || pn (4) || n (4)}, integers
 * big-endian. Flag bit 0 ("start") is set while the sender has not yet received anything in the session, so the
 * recipient may create the session from it; the other bits must be zero.
 *
 * @param start true on messages that can start the session at the recipient
 * @param sessionId 8 bytes chosen by the side that started the session
 * @param ratchetKey the sender's current ratchet public key
 * @param previousChainLength messages sent in the sender's previous sending chain (pn)
 * @param messageNumber the number of this message in its sending chain (n)
 */
public record RatchetHeader(boolean start, byte[] sessionId, AgreementKey ratchetKey, long previousChainLength,
                            long messageNumber) {
    /** The only version. */
    public static final int VERSION = 1;
    /** Length of a session id. */
    public static final int SESSION_ID_BYTES = 8;
    /** Length of the header. */
    public static final int BYTES = 2 + SESSION_ID_BYTES + AgreementKeyPair.PUBLIC_KEY_BYTES + 4 + 4;
    /** Shortest message: a header and the 16-byte tag of an empty plaintext. */
    public static final int MIN_MESSAGE_BYTES = BYTES + ChaCha20Poly1305Aead.TAG_BYTES;
    private static final int FLAG_START = 1;
    private static final long MAX_UINT32 = 0xffff_ffffL;

    /** Checks lengths and ranges; copies the session id. */
    public RatchetHeader {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(ratchetKey, "ratchetKey");
        if (sessionId.length != SESSION_ID_BYTES) {
            throw new IllegalArgumentException("session id must be " + SESSION_ID_BYTES + " bytes");
        }
        if (previousChainLength < 0 || previousChainLength > MAX_UINT32 || messageNumber < 0
                || messageNumber > MAX_UINT32) {
            throw new IllegalArgumentException("chain counters must be 0..2^32-1");
        }
        sessionId = sessionId.clone();
    }

    /** Returns a copy of the session id. */
    @Override
    public byte[] sessionId() {
        return sessionId.clone();
    }

    /** Parses the header at the start of {@code message}; refuses anything shorter than a whole message. */
    public static RatchetHeader parse(byte[] message) throws RatchetException {
        Objects.requireNonNull(message, "message");
        if (message.length < MIN_MESSAGE_BYTES) {
            throw new RatchetException(RatchetException.Reason.MALFORMED,
                    "ratchet message of " + message.length + " bytes is shorter than " + MIN_MESSAGE_BYTES);
        }
        ByteBuffer in = ByteBuffer.wrap(message);
        int version = in.get() & 0xff;
        if (version != VERSION) {
            throw new RatchetException(RatchetException.Reason.MALFORMED, "ratchet message version " + version);
        }
        int flags = in.get() & 0xff;
        if ((flags & ~FLAG_START) != 0) {
            throw new RatchetException(RatchetException.Reason.MALFORMED, "unknown ratchet message flags");
        }
        byte[] session = new byte[SESSION_ID_BYTES];
        in.get(session);
        byte[] key = new byte[AgreementKeyPair.PUBLIC_KEY_BYTES];
        in.get(key);
        long pn = in.getInt() & MAX_UINT32;
        long n = in.getInt() & MAX_UINT32;
        return new RatchetHeader((flags & FLAG_START) != 0, session, new AgreementKey(key), pn, n);
    }

    /** Returns the {@link #BYTES}-byte encoding. */
    public byte[] encode() {
        return ByteBuffer.allocate(BYTES).put((byte) VERSION).put((byte) (start ? FLAG_START : 0)).put(sessionId)
                .put(ratchetKey.bytes()).putInt((int) previousChainLength).putInt((int) messageNumber).array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RatchetHeader h && start == h.start && Arrays.equals(sessionId, h.sessionId)
                && ratchetKey.equals(h.ratchetKey) && previousChainLength == h.previousChainLength
                && messageNumber == h.messageNumber;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, Arrays.hashCode(sessionId), ratchetKey, previousChainLength, messageNumber);
    }

    @Override
    public String toString() {
        return "RatchetHeader[start=" + start + ", session=" + HexFormat.of().formatHex(sessionId) + ", pn="
                + previousChainLength + ", n=" + messageNumber + "]";
    }
}

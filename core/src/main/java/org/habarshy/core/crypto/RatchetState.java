package org.habarshy.core.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The variables of one Double Ratchet session (Signal specification, section 3.2), mutable, with a deep copy so
 * that a decryption can work on a copy and commit only on success. Serialised form (docs/PROTOCOL.md §3.2.4):
 * {@code version (1) || flags (1) || session id (8) || initiator key (32) || responder key (32) || DHs private
 * (32) || DHr (32) || RK (32) || CKs (32) || CKr (32) || Ns (4) || Nr (4) || PN (4) || skipped keys}.
 */
final class RatchetState {
    static final int VERSION = 1;
    static final int FIXED_BYTES = 2 + RatchetHeader.SESSION_ID_BYTES + 32 * 7 + 4 * 3;
    private static final int RECEIVED = 1;
    private static final int HAS_DHR = 2;
    private static final int HAS_CKS = 4;
    private static final int HAS_CKR = 8;

    byte[] sessionId;
    byte[] initiatorKey;
    byte[] responderKey;
    AgreementKeyPair sending;
    byte[] remoteKey;
    byte[] rootKey;
    byte[] sendingChain;
    byte[] receivingChain;
    long sent;
    long received;
    long previousSent;
    boolean receivedAny;
    SkippedMessageKeys skipped = new SkippedMessageKeys();

    RatchetState copy() {
        RatchetState c = new RatchetState();
        c.sessionId = sessionId.clone();
        c.initiatorKey = initiatorKey.clone();
        c.responderKey = responderKey.clone();
        c.sending = sending;
        c.remoteKey = remoteKey == null ? null : remoteKey.clone();
        c.rootKey = rootKey.clone();
        c.sendingChain = sendingChain == null ? null : sendingChain.clone();
        c.receivingChain = receivingChain == null ? null : receivingChain.clone();
        c.sent = sent;
        c.received = received;
        c.previousSent = previousSent;
        c.receivedAny = receivedAny;
        c.skipped = skipped.copy();
        return c;
    }

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + skipped.encodedLength());
        int flags = (receivedAny ? RECEIVED : 0) | (remoteKey != null ? HAS_DHR : 0)
                | (sendingChain != null ? HAS_CKS : 0) | (receivingChain != null ? HAS_CKR : 0);
        byte[] privateKey = sending.exportPrivateKey();
        out.put((byte) VERSION).put((byte) flags).put(sessionId).put(initiatorKey).put(responderKey).put(privateKey)
                .put(orZeros(remoteKey)).put(rootKey).put(orZeros(sendingChain)).put(orZeros(receivingChain))
                .putInt((int) sent).putInt((int) received).putInt((int) previousSent);
        Arrays.fill(privateKey, (byte) 0);
        skipped.writeTo(out);
        return out.array();
    }

    static RatchetState decode(byte[] bytes) throws RatchetException {
        if (bytes.length < FIXED_BYTES + 2) {
            throw malformed("saved ratchet state is too short");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if ((in.get() & 0xff) != VERSION) {
            throw malformed("saved ratchet state has an unknown version");
        }
        int flags = in.get() & 0xff;
        if ((flags & ~(RECEIVED | HAS_DHR | HAS_CKS | HAS_CKR)) != 0) {
            throw malformed("saved ratchet state has unknown flags");
        }
        RatchetState s = new RatchetState();
        s.sessionId = read(in, RatchetHeader.SESSION_ID_BYTES);
        s.initiatorKey = read(in, 32);
        s.responderKey = read(in, 32);
        byte[] privateKey = read(in, 32);
        s.sending = AgreementKeyPair.fromPrivateKey(privateKey);
        Arrays.fill(privateKey, (byte) 0);
        s.remoteKey = presentOrNull(read(in, 32), flags, HAS_DHR);
        s.rootKey = read(in, 32);
        s.sendingChain = presentOrNull(read(in, 32), flags, HAS_CKS);
        s.receivingChain = presentOrNull(read(in, 32), flags, HAS_CKR);
        s.sent = in.getInt() & 0xffff_ffffL;
        s.received = in.getInt() & 0xffff_ffffL;
        s.previousSent = in.getInt() & 0xffff_ffffL;
        s.receivedAny = (flags & RECEIVED) != 0;
        s.skipped = SkippedMessageKeys.readFrom(in);
        return s;
    }

    private static byte[] read(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static byte[] presentOrNull(byte[] value, int flags, int bit) {
        return (flags & bit) != 0 ? value : null;
    }

    private static byte[] orZeros(byte[] value) {
        return value == null ? new byte[32] : value;
    }

    private static RatchetException malformed(String message) {
        return new RatchetException(RatchetException.Reason.MALFORMED, message);
    }
}

package org.habarshy.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The key derivations of the Double Ratchet (Signal specification, section 5.2) on HKDF-SHA256 and HMAC-SHA256,
 * with Habarshy's labels. Stateless.
 */
final class RatchetKdf {
    /** HKDF info of the session's initial root key. */
    static final String SESSION_INFO = "habarshy/v1/ratchet-session";
    /** HKDF info of a root-key step. */
    static final String ROOT_INFO = "habarshy/v1/ratchet-root";
    /** HKDF info that turns a message key into an AEAD key and nonce. */
    static final String MESSAGE_INFO = "habarshy/v1/ratchet-message";
    /** Label that starts the associated data of every ratchet message. */
    static final String AD_LABEL = "habarshy/v1/ratchet";
    static final int KEY_BYTES = 32;

    private static final byte[] MESSAGE_KEY_CONSTANT = {0x01};
    private static final byte[] CHAIN_KEY_CONSTANT = {0x02};

    private RatchetKdf() {
    }

    /**
     * Returns the initial root key: {@code HKDF(ikm = X25519(initiator identity, responder identity),
     * salt = session id, info = SESSION_INFO || initiator key || responder key, 32)}.
     */
    static byte[] sessionSecret(byte[] identityAgreement, byte[] sessionId, byte[] initiatorKey,
                                byte[] responderKey) {
        byte[] info = Concatenation.of(SESSION_INFO.getBytes(StandardCharsets.UTF_8), initiatorKey, responderKey);
        return Hkdf.sha256(identityAgreement, sessionId, info, KEY_BYTES);
    }

    /** KDF_RK: returns {@code {new root key, chain key}} = HKDF(ikm = dh, salt = rk, info = ROOT_INFO, 64). */
    static byte[][] root(byte[] rootKey, byte[] dhOutput) {
        byte[] okm = Hkdf.sha256(dhOutput, rootKey, ROOT_INFO.getBytes(StandardCharsets.UTF_8), 2 * KEY_BYTES);
        byte[][] out = {Arrays.copyOfRange(okm, 0, KEY_BYTES), Arrays.copyOfRange(okm, KEY_BYTES, 2 * KEY_BYTES)};
        Arrays.fill(okm, (byte) 0);
        return out;
    }

    /** KDF_CK: returns {@code {next chain key, message key}}: HMAC-SHA256(ck, 0x02) and HMAC-SHA256(ck, 0x01). */
    static byte[][] chain(byte[] chainKey) {
        return new byte[][] {hmac(chainKey, CHAIN_KEY_CONSTANT), hmac(chainKey, MESSAGE_KEY_CONSTANT)};
    }

    /** Returns the 44 bytes {@code AEAD key (32) || nonce (12)} = HKDF(ikm = mk, salt = empty, MESSAGE_INFO). */
    static byte[] messageKeyAndNonce(byte[] messageKey) {
        return Hkdf.sha256(messageKey, new byte[0], MESSAGE_INFO.getBytes(StandardCharsets.UTF_8),
                ChaCha20Poly1305Aead.KEY_BYTES + ChaCha20Poly1305Aead.NONCE_BYTES);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[KEY_BYTES];
        mac.doFinal(out, 0);
        return out;
    }
}

package org.habarshy.relay.proxy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.crypto.SignatureVerifier;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.relay.proxy.InvalidDocumentException.Reason;

/**
 * Envelope kind 0x02: a public document signed with Ed25519, carried through the mesh like any envelope (carriers
 * that do not know the kind store and forward it unopened). Layout, docs/PROTOCOL.md section 8.1:
 * <pre>
 * offset    size  field
 * 0         1     version    = 0x01
 * 1         1     kind       = 0x02 (public signed document)
 * 2         8     created_at uint64, Unix ms
 * 10        8     expires_at uint64, Unix ms, &gt; created_at
 * 18        32    signer Ed25519 public key
 * 50        1     type       (0x01 = proxy list)
 * 51        2     length L   uint16
 * 53        L     document
 * 53+L      p     zero padding: p = max(0, 194 - 117 - L), so the envelope is at least 194 bytes
 * 53+L+p    64    signature = Ed25519(signer, UTF8("habarshy/v1/public-document") || 0x00 || bytes[0, 53+L+p))
 * </pre>
 */
public final class PublicDocumentFormat {
    /** Envelope kind of public documents. */
    public static final int KIND = 0x02;
    /** Document type of a vetted proxy list. */
    public static final int TYPE_PROXY_LIST = 0x01;
    /** Smallest envelope links carry (docs/PROTOCOL.md section 2.3). */
    public static final int MIN_BYTES = 194;
    /** Largest document body. */
    public static final int MAX_BODY_BYTES = 65_535;
    static final String LABEL = "habarshy/v1/public-document";
    private static final int VERSION = 0x01;
    private static final int FIXED = 53;
    private static final int SIGNATURE = SigningKeyPair.SIGNATURE_BYTES;

    private PublicDocumentFormat() {
    }

    /** Returns the envelope bytes of {@code body} as a document of {@code type}, signed by {@code signer}. */
    public static byte[] seal(SigningKeyPair signer, int type, byte[] body, long createdAt, long expiresAt) {
        Objects.requireNonNull(signer, "signer");
        if (type < 0 || type > 0xFF || body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("type must be a byte and the body at most 65535 bytes");
        }
        if (createdAt < 0 || expiresAt <= createdAt) {
            throw new IllegalArgumentException("need 0 <= createdAt < expiresAt");
        }
        int padding = Math.max(0, MIN_BYTES - FIXED - SIGNATURE - body.length);
        ByteBuffer b = ByteBuffer.allocate(FIXED + body.length + padding + SIGNATURE);
        b.put((byte) VERSION).put((byte) KIND).putLong(createdAt).putLong(expiresAt)
                .put(signer.publicKey().bytes()).put((byte) type).putShort((short) body.length).put(body);
        b.position(b.position() + padding);
        byte[] signed = Arrays.copyOf(b.array(), b.position());
        b.put(signer.sign(signedMessage(signed)));
        return b.array();
    }

    /** Returns true if {@code envelope} claims to be a public document (version 1, kind 2); nothing is verified. */
    public static boolean isPublicDocument(byte[] envelope) {
        return envelope.length >= 2 && (envelope[0] & 0xFF) == VERSION && (envelope[1] & 0xFF) == KIND;
    }

    /**
     * Parses and verifies {@code envelope}: bounds first, then the signature over the exact bytes. Lifetime and trust
     * are the caller's checks.
     *
     * @throws InvalidDocumentException MALFORMED or BAD_SIGNATURE
     */
    public static PublicDocument open(byte[] envelope) throws InvalidDocumentException {
        if (envelope.length < MIN_BYTES || envelope.length > FIXED + MAX_BODY_BYTES + MIN_BYTES) {
            throw new InvalidDocumentException(Reason.MALFORMED, "public document length out of range");
        }
        if (!isPublicDocument(envelope)) {
            throw new InvalidDocumentException(Reason.MALFORMED, "not a public document (version 1, kind 2)");
        }
        ByteBuffer b = ByteBuffer.wrap(envelope);
        b.position(2);
        long createdAt = b.getLong();
        long expiresAt = b.getLong();
        if (createdAt < 0 || expiresAt <= createdAt) {
            throw new InvalidDocumentException(Reason.MALFORMED, "expires_at must be after created_at");
        }
        byte[] signer = new byte[32];
        b.get(signer);
        int type = b.get() & 0xFF;
        int length = b.getShort() & 0xFFFF;
        int padding = Math.max(0, MIN_BYTES - FIXED - SIGNATURE - length);
        if (FIXED + length + padding + SIGNATURE != envelope.length) {
            throw new InvalidDocumentException(Reason.MALFORMED, "document length does not match the envelope");
        }
        byte[] body = new byte[length];
        b.get(body);
        for (int i = 0; i < padding; i++) {
            if (b.get() != 0) {
                throw new InvalidDocumentException(Reason.MALFORMED, "padding must be zero bytes");
            }
        }
        byte[] signature = Arrays.copyOfRange(envelope, envelope.length - SIGNATURE, envelope.length);
        IdentityKey key;
        try {
            key = new IdentityKey(signer);
            SignatureVerifier.verify(key, signedMessage(Arrays.copyOf(envelope, envelope.length - SIGNATURE)),
                    signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidDocumentException(Reason.BAD_SIGNATURE, "public document signature does not verify");
        }
        return new PublicDocument(key, type, body, createdAt, expiresAt);
    }

    private static byte[] signedMessage(byte[] signedPart) {
        byte[] label = LABEL.getBytes(StandardCharsets.UTF_8);
        byte[] m = new byte[label.length + 1 + signedPart.length];
        System.arraycopy(label, 0, m, 0, label.length);
        System.arraycopy(signedPart, 0, m, label.length + 1, signedPart.length);
        return m;
    }
}

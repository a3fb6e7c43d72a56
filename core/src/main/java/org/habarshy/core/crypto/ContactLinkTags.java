package org.habarshy.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.habarshy.core.api.identity.AgreementKey;

/**
 * Lets two contacts recognise each other on a link without telling anyone else who they are (real-time text,
 * docs/PROTOCOL.md section 14). Both derive the same pair secret from their identity agreement keys:
 * {@code pair = HKDF-SHA256(ikm = X25519(own, contact), salt = "", info = "habarshy/v1/rtt-pair", 32)}. On a
 * link, the side that sends a tag computes {@code HKDF-SHA256(ikm = pair, salt = handshake hash,
 * info = "habarshy/v1/rtt-tag" || role, 16)}, role {@code 0x01} if it was the Noise initiator, else {@code 0x02}.
 * The handshake hash makes a tag worthless on any other link (a relaying man in the middle has two handshakes,
 * with two hashes); the role stops a tag from being reflected to its sender. To anyone without one of the two
 * private keys a tag is 16 random-looking bytes, different on every link.
 */
public final class ContactLinkTags {
    /** Length of a tag. */
    public static final int TAG_BYTES = 16;
    /** Length of a pair secret. */
    public static final int PAIR_SECRET_BYTES = 32;

    private static final byte[] PAIR_INFO = DomainLabels.RTT_PAIR.getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAG_INFO = DomainLabels.RTT_TAG.getBytes(StandardCharsets.UTF_8);

    private ContactLinkTags() {
    }

    /**
     * Returns the secret {@code own} shares with the contact whose agreement key is {@code contact}; the contact
     * computes the same from its private key and our public key. Throws if the contact key is a low-order point.
     */
    public static byte[] pairSecret(AgreementKeyPair own, AgreementKey contact) throws GeneralSecurityException {
        byte[] shared = own.agree(contact.bytes());
        try {
            return Hkdf.sha256(shared, new byte[0], PAIR_INFO, PAIR_SECRET_BYTES);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    /**
     * Returns the tag that the side whose Noise role is {@code senderInitiator} sends on the link whose handshake
     * hash is {@code handshakeHash}, for the pair secret {@code pairSecret}.
     */
    public static byte[] tag(byte[] pairSecret, byte[] handshakeHash, boolean senderInitiator) {
        if (pairSecret.length != PAIR_SECRET_BYTES) {
            throw new IllegalArgumentException("pair secret of " + pairSecret.length + " bytes");
        }
        byte[] info = Arrays.copyOf(TAG_INFO, TAG_INFO.length + 1);
        info[TAG_INFO.length] = senderInitiator ? (byte) 0x01 : (byte) 0x02;
        return Hkdf.sha256(pairSecret, handshakeHash, info, TAG_BYTES);
    }

    /**
     * Returns whether {@code expected} is among {@code received}, comparing every pair in constant time (the
     * loop does not stop at a match).
     */
    public static boolean contains(List<byte[]> received, byte[] expected) {
        boolean found = false;
        for (byte[] tag : received) {
            found |= MessageDigest.isEqual(tag, expected);
        }
        return found;
    }
}

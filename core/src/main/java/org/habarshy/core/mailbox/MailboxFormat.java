package org.habarshy.core.mailbox;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.Hashing;
import org.habarshy.core.crypto.SigningKeyPair;

/**
 * Mailbox requests (docs/PROTOCOL.md section 8.4). Each is an ordinary sealed envelope (section 3) addressed to the
 * relay's mailbox key, so carriers cannot tell it from a message; its content (inside the encryption) is:
 * <pre>
 * 0   4   magic "HBMB"
 * 4   1   type: 0x01 register, 0x02 deposit, 0x03 pickup
 * register: 4 quota_bytes uint32 (1..2^32-1)          sender = the user's mailbox key
 * deposit:  16 mailbox id || inner envelope            sender = anyone
 * pickup:   (nothing)                                  sender = the user's mailbox key
 * </pre>
 * The mailbox id is {@code H("habarshy/v1/mailbox-id", mailbox key)[0..16)}. The envelope's own sender signature
 * (inside the ciphertext, over header, recipient key and content) is the user's signature on a registration or
 * pickup: it binds the request to this relay's key and to the envelope's timestamps.
 */
public final class MailboxFormat {
    /** Register (or renew) a mailbox. */
    public static final int REGISTER = 0x01;
    /** Leave an envelope in a mailbox. */
    public static final int DEPOSIT = 0x02;
    /** Ask for the mailbox's envelopes now. */
    public static final int PICKUP = 0x03;
    /** Length of a mailbox id. */
    public static final int ID_BYTES = 16;
    /** Hash label of mailbox ids. */
    public static final String ID_LABEL = "habarshy/v1/mailbox-id";
    private static final byte[] MAGIC = {'H', 'B', 'M', 'B'};
    private static final int HEADER = 5;
    /** Bytes a deposit's content adds to its inner envelope (magic, type, mailbox id). */
    public static final int DEPOSIT_OVERHEAD = HEADER + ID_BYTES;

    private MailboxFormat() {
    }

    /** Returns the mailbox id of {@code mailboxKey}. */
    public static MailboxId idOf(IdentityKey mailboxKey) {
        return new MailboxId(Arrays.copyOf(Hashing.sha256(ID_LABEL, mailboxKey.bytes()), ID_BYTES));
    }

    /** Returns a registration envelope: the user (mailbox key) asks {@code relay} to hold up to {@code quota} bytes. */
    public static byte[] register(SigningKeyPair mailboxKey, AgreementKey relay, long quotaBytes, long createdAt,
                                  long expiresAt, SecureRandom random) {
        if (quotaBytes < 1 || quotaBytes > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("quota must be 1..2^32-1 bytes");
        }
        byte[] content = ByteBuffer.allocate(HEADER + 4).put(MAGIC).put((byte) REGISTER).putInt((int) quotaBytes)
                .array();
        return seal(mailboxKey, relay, content, createdAt, expiresAt, random);
    }

    /** Returns a pickup envelope: the user asks {@code relay} to hand over what it holds for them now. */
    public static byte[] pickup(SigningKeyPair mailboxKey, AgreementKey relay, long createdAt, long expiresAt,
                                SecureRandom random) {
        byte[] content = ByteBuffer.allocate(HEADER).put(MAGIC).put((byte) PICKUP).array();
        return seal(mailboxKey, relay, content, createdAt, expiresAt, random);
    }

    /**
     * Returns a deposit envelope that leaves {@code inner} (a complete envelope, usually sealed to the mailbox's
     * owner) in mailbox {@code id}. The depositor's key is a fresh one: the relay learns nothing about the sender.
     */
    public static byte[] deposit(MailboxId id, byte[] inner, AgreementKey relay, long createdAt, long expiresAt,
                                 SecureRandom random) {
        if (inner.length + HEADER + ID_BYTES > EnvelopeFormat.MAX_CONTENT_BYTES) {
            throw new IllegalArgumentException("inner envelope too large for a deposit");
        }
        byte[] content = ByteBuffer.allocate(HEADER + ID_BYTES + inner.length).put(MAGIC).put((byte) DEPOSIT)
                .put(id.bytes()).put(inner).array();
        return seal(SigningKeyPair.generate(random), relay, content, createdAt, expiresAt, random);
    }

    private static byte[] seal(SigningKeyPair sender, AgreementKey relay, byte[] content, long createdAt,
                               long expiresAt, SecureRandom random) {
        EnvelopeSealer sealer = new EnvelopeSealer(sender, AgreementKeyPair.generate(random), random);
        return sealer.seal(relay, content, createdAt, expiresAt);
    }

    /** Returns the request type of opened content, or -1 if it is not a mailbox request. */
    public static int typeOf(byte[] content) {
        if (content.length < HEADER || !Arrays.equals(content, 0, 4, MAGIC, 0, 4)) {
            return -1;
        }
        return content[4] & 0xFF;
    }

    /** Returns the quota of a registration's content, or -1 if malformed. */
    public static long quotaOf(byte[] content) {
        return content.length == HEADER + 4 ? ByteBuffer.wrap(content, HEADER, 4).getInt() & 0xFFFF_FFFFL : -1;
    }

    /** Returns true if a pickup's content is well formed. */
    public static boolean isPickup(byte[] content) {
        return content.length == HEADER;
    }

    /** Returns the mailbox id of a deposit's content; null if the content is too short to hold an envelope. */
    public static MailboxId depositId(byte[] content) {
        if (content.length < HEADER + ID_BYTES + EnvelopeFormat.MIN_BYTES) {
            return null;
        }
        return new MailboxId(Arrays.copyOfRange(content, HEADER, HEADER + ID_BYTES));
    }

    /** Returns the inner envelope of a deposit's content (length checked by {@link #depositId}). */
    public static byte[] depositInner(byte[] content) {
        return Arrays.copyOfRange(content, HEADER + ID_BYTES, content.length);
    }
}

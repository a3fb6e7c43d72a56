package org.habarshy.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * One member's sender chain in one group epoch (Signal's sender keys; docs/PROTOCOL.md §11.4-11.5): a chain key
 * that steps forward once per message ({@code mk = HMAC(ck, 0x01)}, {@code ck' = HMAC(ck, 0x02)}) and an Ed25519
 * key that signs every message of the chain. The owner's copy holds the private signing key and encrypts; the
 * other members' copies (from a distribution) verify the signature first and only then decrypt. Message keys of
 * skipped messages are kept, at most {@link #MAX_STORED}, and each is used once, so a replay is refused. Not
 * thread-safe; {@link #copy()} before a trial so that a refused message changes nothing.
 */
public final class SenderKeyChain {
    /** Most message keys derived ahead for one message. */
    public static final int MAX_SKIP = 1000;
    /** Most skipped message keys kept per chain; storing more drops the oldest. */
    public static final int MAX_STORED = 2000;
    /** How long a skipped key is kept: longer than any envelope lives. */
    static final long LIFETIME_MILLIS = 31L * 24 * 60 * 60 * 1000;
    static final String MESSAGE_KEY_INFO = "habarshy/v1/group-message-key";
    static final String SIGNATURE_LABEL = "habarshy/v1/group-message";
    static final String TAG_LABEL = "habarshy/v1/group-chain";
    private static final int KEY_BYTES = 32;
    private static final int STATE_VERSION = 1;
    private static final int FIXED_STATE_BYTES = 1 + 1 + 4 + 32 + 32 + 32 + 2;
    private static final int SKIPPED_ENTRY_BYTES = 4 + 8 + 32;
    /** Largest iteration: 2^32 - 1. */
    private static final long MAX_ITERATION = 0xFFFF_FFFFL;

    private byte[] chainKey;
    private long iteration;
    private final IdentityKey signingPublic;
    private final SigningKeyPair signing;
    private final LinkedHashMap<Long, Skipped> skipped = new LinkedHashMap<>();

    private record Skipped(long storedAt, byte[] messageKey) {
    }

    private SenderKeyChain(byte[] chainKey, long iteration, IdentityKey signingPublic, SigningKeyPair signing) {
        this.chainKey = chainKey;
        this.iteration = iteration;
        this.signingPublic = signingPublic;
        this.signing = signing;
    }

    /** Returns a new chain for this user to send on: a random chain key at iteration 0 and a fresh signing key. */
    public static SenderKeyChain generate(SecureRandom random) {
        byte[] ck = new byte[KEY_BYTES];
        random.nextBytes(ck);
        SigningKeyPair signing = SigningKeyPair.generate(random);
        return new SenderKeyChain(ck, 0, signing.publicKey(), signing);
    }

    /** Returns an owner's chain from fixed values (known-answer tests). */
    static SenderKeyChain owned(byte[] chainKey, long iteration, SigningKeyPair signing) {
        return new SenderKeyChain(chainKey.clone(), iteration, signing.publicKey(), signing);
    }

    /** Returns a receiving chain from a distribution: its chain key for message {@code iteration} and signing key. */
    public static SenderKeyChain fromDistribution(byte[] chainKey, long iteration, IdentityKey signingPublic) {
        if (chainKey.length != KEY_BYTES || iteration < 0 || iteration > MAX_ITERATION) {
            throw new IllegalArgumentException("chain key must be 32 bytes and iteration 0..2^32-1");
        }
        return new SenderKeyChain(chainKey.clone(), iteration, Objects.requireNonNull(signingPublic), null);
    }

    /**
     * Returns the 16-byte chain tag carriers see: {@code H("habarshy/v1/group-chain", group id || epoch (uint32) ||
     * signing key)[0..16)}. Only members know the group id and the signing key, so it names neither the group nor
     * the sender to anyone else.
     */
    public static byte[] chainTag(byte[] groupId, long epoch, IdentityKey signingPublic) {
        byte[] digest = Hashing.sha256(TAG_LABEL, groupId, uint32(epoch), signingPublic.bytes());
        return Arrays.copyOf(digest, GroupMessageFormat.TAG_BYTES);
    }

    /** Returns a deep copy. */
    public SenderKeyChain copy() {
        SenderKeyChain copy = new SenderKeyChain(chainKey.clone(), iteration, signingPublic, signing);
        for (Map.Entry<Long, Skipped> e : skipped.entrySet()) {
            copy.skipped.put(e.getKey(), new Skipped(e.getValue().storedAt, e.getValue().messageKey.clone()));
        }
        return copy;
    }

    /** Returns true if this is the owner's chain (it can send). */
    public boolean canSend() {
        return signing != null;
    }

    /** Returns the chain's signing public key. */
    public IdentityKey signingKey() {
        return signingPublic;
    }

    /** Returns the number of the next message this chain sends or expects. */
    public long iteration() {
        return iteration;
    }

    /** Returns a copy of the current chain key (for a distribution). */
    public byte[] chainKey() {
        return chainKey.clone();
    }

    /** Returns how many skipped message keys are kept. */
    public int skippedCount() {
        return skipped.size();
    }

    /**
     * Encrypts {@code body} as a group message envelope (padded, signed) and steps the chain. Owner's chain only.
     *
     * @param chainTag the chain's tag ({@link #chainTag})
     */
    public byte[] encrypt(byte[] chainTag, long createdAt, long expiresAt, byte[] body) {
        if (signing == null) {
            throw new IllegalStateException("only the owner's chain can send");
        }
        if (body.length > GroupMessageFormat.MAX_BODY_BYTES) {
            throw new IllegalArgumentException("group message body too long");
        }
        if (chainTag.length != GroupMessageFormat.TAG_BYTES || createdAt < 0 || expiresAt <= createdAt) {
            throw new IllegalArgumentException("bad tag or lifetime");
        }
        if (iteration > MAX_ITERATION) {
            throw new IllegalStateException("sender chain exhausted");
        }
        byte[] header = header(chainTag, createdAt, expiresAt, iteration);
        byte[] messageKey = hmac(chainKey, 0x01);
        step();
        int padded = GroupMessageFormat.paddedLength(body.length);
        byte[] plaintext = new byte[padded];
        ByteBuffer.wrap(plaintext).putInt(body.length).put(body);
        byte[] ciphertext = aead(messageKey, header, plaintext, true);
        Arrays.fill(plaintext, (byte) 0);
        Arrays.fill(messageKey, (byte) 0);
        byte[] signed = Concatenation.of(header, ciphertext);
        return Concatenation.of(signed, signing.sign(signatureInput(signed)));
    }

    /**
     * Verifies the signature of a group message of this chain, then decrypts it and returns its body; the chain
     * steps forward (skipped keys are kept). The caller checked the tag. On any exception this chain is unchanged
     * only up to the failing step: call on a {@link #copy()} and keep it only on success.
     */
    public byte[] decrypt(byte[] envelope, long now) throws SenderKeyException {
        GroupMessageFormat.Header header = GroupMessageFormat.parse(envelope);
        int signedLength = envelope.length - SigningKeyPair.SIGNATURE_BYTES;
        byte[] signed = Arrays.copyOf(envelope, signedLength);
        try {
            SignatureVerifier.verify(signingPublic, signatureInput(signed),
                    Arrays.copyOfRange(envelope, signedLength, envelope.length));
        } catch (GeneralSecurityException e) {
            throw new SenderKeyException(SenderKeyException.Reason.BAD_SIGNATURE,
                    "group message signature does not verify");
        }
        byte[] messageKey = messageKeyFor(header.iteration(), now);
        byte[] plaintext;
        try {
            plaintext = aead(messageKey, Arrays.copyOf(envelope, GroupMessageFormat.HEADER_BYTES),
                    Arrays.copyOfRange(envelope, GroupMessageFormat.HEADER_BYTES, signedLength), false);
        } catch (IllegalStateException e) {
            throw new SenderKeyException(SenderKeyException.Reason.AUTHENTICATION_FAILED,
                    "group message does not decrypt");
        } finally {
            Arrays.fill(messageKey, (byte) 0);
        }
        return unpad(plaintext);
    }

    private byte[] messageKeyFor(long n, long now) throws SenderKeyException {
        expire(now);
        if (n < iteration) {
            Skipped s = skipped.remove(n);
            if (s == null) {
                throw new SenderKeyException(SenderKeyException.Reason.REPLAY,
                        "message " + n + " was received already or its key was dropped");
            }
            return s.messageKey;
        }
        if (n - iteration > MAX_SKIP) {
            throw new SenderKeyException(SenderKeyException.Reason.TOO_MANY_SKIPPED,
                    "message " + n + " is more than " + MAX_SKIP + " ahead of " + iteration);
        }
        while (iteration < n) {
            skipped.put(iteration, new Skipped(now, hmac(chainKey, 0x01)));
            step();
            while (skipped.size() > MAX_STORED) {
                Iterator<Skipped> oldest = skipped.values().iterator();
                Arrays.fill(oldest.next().messageKey, (byte) 0);
                oldest.remove();
            }
        }
        byte[] messageKey = hmac(chainKey, 0x01);
        step();
        return messageKey;
    }

    private void expire(long now) {
        Iterator<Skipped> it = skipped.values().iterator();
        while (it.hasNext()) {
            Skipped s = it.next();
            if (now - s.storedAt > LIFETIME_MILLIS) {
                Arrays.fill(s.messageKey, (byte) 0);
                it.remove();
            }
        }
    }

    private void step() {
        byte[] next = hmac(chainKey, 0x02);
        Arrays.fill(chainKey, (byte) 0);
        chainKey = next;
        iteration++;
    }

    private static byte[] unpad(byte[] plaintext) throws SenderKeyException {
        if (plaintext.length < 4 || plaintext.length % GroupMessageFormat.PADDING_BLOCK != 0) {
            throw new SenderKeyException(SenderKeyException.Reason.MALFORMED, "bad padding");
        }
        int length = ByteBuffer.wrap(plaintext).getInt();
        if (length < 0 || length > plaintext.length - 4 || length > GroupMessageFormat.MAX_BODY_BYTES
                || GroupMessageFormat.paddedLength(length) != plaintext.length) {
            throw new SenderKeyException(SenderKeyException.Reason.MALFORMED, "bad body length");
        }
        for (int i = 4 + length; i < plaintext.length; i++) {
            if (plaintext[i] != 0) {
                throw new SenderKeyException(SenderKeyException.Reason.MALFORMED, "padding is not zero");
            }
        }
        return Arrays.copyOfRange(plaintext, 4, 4 + length);
    }

    /** AEAD with key and nonce = HKDF(ikm = mk, salt = empty, info = "habarshy/v1/group-message-key", 44). */
    private static byte[] aead(byte[] messageKey, byte[] ad, byte[] input, boolean seal) {
        byte[] okm = messageKeyAndNonce(messageKey);
        byte[] key = Arrays.copyOf(okm, ChaCha20Poly1305Aead.KEY_BYTES);
        byte[] nonce = Arrays.copyOfRange(okm, ChaCha20Poly1305Aead.KEY_BYTES, okm.length);
        try {
            return seal ? ChaCha20Poly1305Aead.seal(key, nonce, ad, input)
                    : ChaCha20Poly1305Aead.open(key, nonce, ad, input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tag", e);
        } finally {
            Arrays.fill(okm, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Returns {@code AEAD key (32) || nonce (12)} for a message key (exposed for the known-answer test). */
    static byte[] messageKeyAndNonce(byte[] messageKey) {
        return Hkdf.sha256(messageKey, new byte[0], MESSAGE_KEY_INFO.getBytes(StandardCharsets.UTF_8),
                ChaCha20Poly1305Aead.KEY_BYTES + ChaCha20Poly1305Aead.NONCE_BYTES);
    }

    private static byte[] signatureInput(byte[] signed) {
        return Concatenation.of(Hashing.encodeLabel(SIGNATURE_LABEL), new byte[1], signed);
    }

    private static byte[] header(byte[] chainTag, long createdAt, long expiresAt, long iteration) {
        ByteBuffer b = ByteBuffer.allocate(GroupMessageFormat.HEADER_BYTES);
        b.put((byte) EnvelopeFormat.VERSION).put((byte) GroupMessageFormat.KIND_GROUP).putLong(createdAt)
                .putLong(expiresAt).put(chainTag).putInt((int) iteration);
        return b.array();
    }

    static byte[] hmac(byte[] key, int constant) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update((byte) constant);
        byte[] out = new byte[KEY_BYTES];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] uint32(long value) {
        return ByteBuffer.allocate(4).putInt((int) value).array();
    }

    /**
     * Returns the saved state: {@code version (1) = 1 || flags (1: bit 0 = owner) || iteration (4) || chain key
     * (32) || signing public key (32) || signing seed (32, zeros unless owner) || count (2) || count ×
     * (iteration (4) || stored at (8) || message key (32))}.
     */
    public byte[] serialize() {
        ByteBuffer b = ByteBuffer.allocate(FIXED_STATE_BYTES + skipped.size() * SKIPPED_ENTRY_BYTES);
        b.put((byte) STATE_VERSION).put((byte) (signing != null ? 1 : 0)).putInt((int) iteration).put(chainKey)
                .put(signingPublic.bytes());
        if (signing != null) {
            byte[] seed = signing.exportSeed();
            b.put(seed);
            Arrays.fill(seed, (byte) 0);
        } else {
            b.put(new byte[32]);
        }
        b.putShort((short) skipped.size());
        for (Map.Entry<Long, Skipped> e : skipped.entrySet()) {
            b.putInt((int) (long) e.getKey()).putLong(e.getValue().storedAt).put(e.getValue().messageKey);
        }
        return b.array();
    }

    /** Restores what {@link #serialize()} wrote; throws SenderKeyException (MALFORMED) for anything else. */
    public static SenderKeyChain restore(byte[] state) throws SenderKeyException {
        if (state.length < FIXED_STATE_BYTES || state[0] != STATE_VERSION || (state[1] & ~1) != 0) {
            throw new SenderKeyException(SenderKeyException.Reason.MALFORMED, "saved sender key is damaged");
        }
        ByteBuffer b = ByteBuffer.wrap(state);
        b.get();
        boolean owner = b.get() == 1;
        long iteration = b.getInt() & MAX_ITERATION;
        byte[] ck = new byte[KEY_BYTES];
        b.get(ck);
        byte[] pub = new byte[32];
        b.get(pub);
        byte[] seed = new byte[32];
        b.get(seed);
        int count = b.getShort() & 0xFFFF;
        if (count > MAX_STORED || b.remaining() != count * SKIPPED_ENTRY_BYTES) {
            throw new SenderKeyException(SenderKeyException.Reason.MALFORMED, "saved sender key has a bad count");
        }
        SigningKeyPair signing = owner ? SigningKeyPair.fromSeed(seed) : null;
        Arrays.fill(seed, (byte) 0);
        IdentityKey signingPublic = new IdentityKey(pub);
        if (signing != null && !signing.publicKey().equals(signingPublic)) {
            throw new SenderKeyException(SenderKeyException.Reason.MALFORMED, "saved sender key does not match");
        }
        SenderKeyChain chain = new SenderKeyChain(ck, iteration, signingPublic, signing);
        for (int i = 0; i < count; i++) {
            long n = b.getInt() & MAX_ITERATION;
            long storedAt = b.getLong();
            byte[] mk = new byte[KEY_BYTES];
            b.get(mk);
            chain.skipped.put(n, new Skipped(storedAt, mk));
        }
        return chain;
    }
}

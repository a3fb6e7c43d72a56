package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Noise_XX_25519_ChaChaPoly_SHA256 handshake (Noise spec rev 34): {@code -> e}, {@code <- e, ee, s, es},
 * {@code -> s, se}. One instance per connection; not thread-safe. Any failure (bad length, failed
 * authentication, low-order key) aborts the handshake: every later call throws IllegalStateException.
 * Handshake messages are limited to Noise's 65535 bytes.
 */
public final class NoiseHandshake {
    /** The Noise protocol name, which is mixed into the handshake hash. */
    public static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";
    /** Largest handshake message, in bytes. */
    public static final int MAX_MESSAGE_BYTES = 65535;

    private static final int DH_BYTES = AgreementKeyPair.PUBLIC_KEY_BYTES;
    private static final int TAG_BYTES = ChaCha20Poly1305Aead.TAG_BYTES;
    private static final int MESSAGE_COUNT = 3;

    private final boolean initiator;
    private final AgreementKeyPair staticKey;
    private final SecureRandom random;
    private final NoiseSymmetricState symmetric;
    private AgreementKeyPair ephemeral;
    private byte[] remoteEphemeral;
    private byte[] remoteStatic;
    private int messageIndex;
    private boolean failed;
    private boolean split;

    private NoiseHandshake(boolean initiator, AgreementKeyPair staticKey, AgreementKeyPair ephemeral,
            byte[] prologue, SecureRandom random) {
        this.initiator = initiator;
        this.staticKey = Objects.requireNonNull(staticKey, "staticKey");
        this.ephemeral = ephemeral;
        this.random = random;
        this.symmetric = new NoiseSymmetricState(PROTOCOL_NAME);
        symmetric.mixHash(Objects.requireNonNull(prologue, "prologue").clone());
    }

    /** Returns the initiator side of a new handshake; the ephemeral key is drawn from {@code random}. */
    public static NoiseHandshake initiator(AgreementKeyPair staticKey, byte[] prologue, SecureRandom random) {
        return new NoiseHandshake(true, staticKey, null, prologue, Objects.requireNonNull(random, "random"));
    }

    /** Returns the responder side of a new handshake; the ephemeral key is drawn from {@code random}. */
    public static NoiseHandshake responder(AgreementKeyPair staticKey, byte[] prologue, SecureRandom random) {
        return new NoiseHandshake(false, staticKey, null, prologue, Objects.requireNonNull(random, "random"));
    }

    /**
     * Returns a handshake with a fixed ephemeral key; for test vectors only. The ephemeral key pair is destroyed
     * when the handshake completes or fails.
     */
    static NoiseHandshake withFixedEphemeral(boolean initiator, AgreementKeyPair s, AgreementKeyPair e,
            byte[] prologue) {
        return new NoiseHandshake(initiator, s, Objects.requireNonNull(e, "e"), prologue, null);
    }

    /**
     * Returns the next handshake message carrying {@code payload} (encrypted from the second message on; the
     * first message's payload is plaintext). Throws IllegalStateException if it is not our turn, and
     * IllegalArgumentException if the message would exceed 65535 bytes.
     */
    public byte[] writeMessage(byte[] payload) throws GeneralSecurityException {
        Objects.requireNonNull(payload, "payload");
        checkUsable();
        if (!ourTurnToWrite()) {
            throw new IllegalStateException("not our turn to write a handshake message");
        }
        if (payload.length > MAX_MESSAGE_BYTES - writeOverhead(messageIndex)) {
            throw new IllegalArgumentException("handshake payload too large");
        }
        try {
            byte[] message = switch (messageIndex) {
                case 0 -> writeEphemeralAndPayload(payload);
                case 1 -> writeResponderMessage(payload);
                default -> writeInitiatorStatic(payload);
            };
            advance();
            return message;
        } catch (GeneralSecurityException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /**
     * Returns the decrypted payload of the peer's next handshake message. Throws GeneralSecurityException if
     * the message is too short or too long, fails authentication, or carries a low-order key; IllegalStateException
     * if it is not the peer's turn.
     */
    public byte[] readMessage(byte[] message) throws GeneralSecurityException {
        Objects.requireNonNull(message, "message");
        checkUsable();
        if (ourTurnToWrite()) {
            throw new IllegalStateException("not the peer's turn to send a handshake message");
        }
        try {
            if (message.length > MAX_MESSAGE_BYTES || message.length < writeOverhead(messageIndex)) {
                throw new GeneralSecurityException("bad handshake message length");
            }
            byte[] payload = switch (messageIndex) {
                case 0 -> readEphemeralAndPayload(message);
                case 1 -> readResponderMessage(message);
                default -> readInitiatorStatic(message);
            };
            advance();
            return payload;
        } catch (GeneralSecurityException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /** Returns true once all three handshake messages have been written or read successfully. */
    public boolean isComplete() {
        return messageIndex == MESSAGE_COUNT && !failed;
    }

    /**
     * Returns a copy of the peer's static X25519 public key, available once the message carrying it has been
     * read successfully (authenticated by that message's payload tag); IllegalStateException before then.
     */
    public byte[] remoteStaticKey() {
        if (remoteStatic == null) {
            throw new IllegalStateException("remote static key not yet known");
        }
        return remoteStatic.clone();
    }

    /** Returns the final handshake hash h, for channel binding; IllegalStateException until complete. */
    public byte[] handshakeHash() {
        if (!isComplete()) {
            throw new IllegalStateException("handshake not complete");
        }
        return symmetric.handshakeHash();
    }

    /**
     * Returns the transport cipher states: the initiator sends with c1 and the responder with c2. Allowed once,
     * and only when complete (IllegalStateException otherwise), so that keys are never handed out twice.
     */
    public NoiseTransport split() {
        if (!isComplete()) {
            throw new IllegalStateException("handshake not complete");
        }
        if (split) {
            throw new IllegalStateException("split() may be called only once");
        }
        split = true;
        return symmetric.split(initiator);
    }

    private byte[] writeEphemeralAndPayload(byte[] payload) {
        byte[] e = generateEphemeral();
        symmetric.mixHash(e);
        return Concatenation.of(e, symmetric.encryptAndHash(payload));
    }

    private byte[] writeResponderMessage(byte[] payload) throws GeneralSecurityException {
        byte[] e = generateEphemeral();
        symmetric.mixHash(e);
        mixDh(ephemeral, remoteEphemeral);
        byte[] encryptedStatic = symmetric.encryptAndHash(staticKey.publicKey().bytes());
        mixDh(staticKey, remoteEphemeral);
        return Concatenation.of(e, encryptedStatic, symmetric.encryptAndHash(payload));
    }

    private byte[] writeInitiatorStatic(byte[] payload) throws GeneralSecurityException {
        byte[] encryptedStatic = symmetric.encryptAndHash(staticKey.publicKey().bytes());
        mixDh(staticKey, remoteEphemeral);
        return Concatenation.of(encryptedStatic, symmetric.encryptAndHash(payload));
    }

    private byte[] readEphemeralAndPayload(byte[] message) throws GeneralSecurityException {
        remoteEphemeral = Arrays.copyOfRange(message, 0, DH_BYTES);
        symmetric.mixHash(remoteEphemeral);
        return symmetric.decryptAndHash(Arrays.copyOfRange(message, DH_BYTES, message.length));
    }

    private byte[] readResponderMessage(byte[] message) throws GeneralSecurityException {
        remoteEphemeral = Arrays.copyOfRange(message, 0, DH_BYTES);
        symmetric.mixHash(remoteEphemeral);
        mixDh(ephemeral, remoteEphemeral);
        int staticEnd = DH_BYTES + DH_BYTES + TAG_BYTES;
        byte[] rs = symmetric.decryptAndHash(Arrays.copyOfRange(message, DH_BYTES, staticEnd));
        mixDh(ephemeral, rs);
        byte[] payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, staticEnd, message.length));
        remoteStatic = rs;
        return payload;
    }

    private byte[] readInitiatorStatic(byte[] message) throws GeneralSecurityException {
        int staticEnd = DH_BYTES + TAG_BYTES;
        byte[] rs = symmetric.decryptAndHash(Arrays.copyOfRange(message, 0, staticEnd));
        mixDh(ephemeral, rs);
        byte[] payload = symmetric.decryptAndHash(Arrays.copyOfRange(message, staticEnd, message.length));
        remoteStatic = rs;
        return payload;
    }

    private byte[] generateEphemeral() {
        if (ephemeral == null) {
            ephemeral = AgreementKeyPair.generate(random);
        }
        return ephemeral.publicKey().bytes();
    }

    private void mixDh(AgreementKeyPair local, byte[] remotePublic) throws GeneralSecurityException {
        byte[] shared = local.agree(remotePublic);
        try {
            symmetric.mixKey(shared);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    /** Returns the fixed bytes message {@code index} adds to its payload: keys and tags. */
    private static int writeOverhead(int index) {
        return switch (index) {
            case 0 -> DH_BYTES;
            case 1 -> DH_BYTES + DH_BYTES + TAG_BYTES + TAG_BYTES;
            default -> DH_BYTES + TAG_BYTES + TAG_BYTES;
        };
    }

    private boolean ourTurnToWrite() {
        return (messageIndex % 2 == 0) == initiator;
    }

    private void checkUsable() {
        if (failed) {
            throw new IllegalStateException("handshake failed earlier");
        }
        if (messageIndex >= MESSAGE_COUNT) {
            throw new IllegalStateException("handshake already complete");
        }
    }

    private void advance() {
        messageIndex++;
        if (messageIndex == MESSAGE_COUNT) {
            destroyEphemeral();
        }
    }

    private void abort() {
        failed = true;
        destroyEphemeral();
        symmetric.destroy();
    }

    private void destroyEphemeral() {
        if (ephemeral != null) {
            ephemeral.destroy();
        }
    }
}

package org.habarshy.core.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * A 32-byte key derived from a passphrase with Argon2id, sealing one small secret (the identity file) with
 * ChaCha20-Poly1305.
 *
 * <pre>
 * key    = Argon2id(P = UTF8(passphrase), S = salt (16 bytes), K = empty, X = empty, m, t, p, T = 32)
 * sealed = nonce (12 bytes) || ChaCha20-Poly1305(key, nonce, ad = UTF8(label) || 0x00 || header, plaintext)
 * </pre>
 *
 * <p>Security guarantees: the salt and the nonce are drawn inside this class, from the {@link SecureRandom}
 * given to {@link #createNew}; a caller cannot choose them. A key made by {@link #createNew} seals once, and one
 * made by {@link #derive} only opens, so every sealed secret has its own salt and key. Parameters outside
 * {@link Argon2idParameters#FLOOR} .. {@link Argon2idParameters#CEILING} are refused before anything is derived.
 * {@link #open} verifies the tag before it returns any plaintext. The passphrase bytes and the key are wiped
 * after use ({@link #close()}); the passphrase is taken as typed, without Unicode normalisation.
 *
 * <p>Not thread-safe; use one instance per operation.
 */
public final class PassphraseKey implements AutoCloseable {
    /** Salt length. */
    public static final int SALT_BYTES = 16;
    /** What {@link #seal} adds to the plaintext: the 12-byte nonce and the 16-byte tag. */
    public static final int SEALED_OVERHEAD_BYTES = ChaCha20Poly1305Aead.NONCE_BYTES + ChaCha20Poly1305Aead.TAG_BYTES;
    private static final byte[] EMPTY = new byte[0];

    private final byte[] key;
    private final byte[] salt;
    private final Argon2idParameters parameters;
    private final SecureRandom random;
    private boolean sealed;
    private boolean closed;

    private PassphraseKey(byte[] key, byte[] salt, Argon2idParameters parameters, SecureRandom random) {
        this.key = key;
        this.salt = salt;
        this.parameters = parameters;
        this.random = random;
    }

    /**
     * Derives a key under a fresh random salt, for sealing one secret. Throws InvalidAlgorithmParameterException
     * if the parameters are not {@link Argon2idParameters#isAcceptable() acceptable}, IllegalArgumentException if
     * the passphrase is empty or is not valid UTF-16.
     */
    public static PassphraseKey createNew(char[] passphrase, Argon2idParameters parameters, SecureRandom random)
            throws InvalidAlgorithmParameterException {
        Objects.requireNonNull(random, "random");
        checkAcceptable(parameters);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PassphraseKey(deriveKey(passphrase, salt, parameters), salt, parameters, random);
    }

    /**
     * Derives the key of a sealed secret from its stored salt and parameters, for opening it. Throws
     * InvalidAlgorithmParameterException, before deriving anything, if the parameters are not acceptable (a file
     * asking for less than the floor, or for absurd amounts), IllegalArgumentException if the salt is not 16 bytes
     * or the passphrase is empty or not valid UTF-16.
     */
    public static PassphraseKey derive(char[] passphrase, Argon2idParameters parameters, byte[] salt)
            throws InvalidAlgorithmParameterException {
        Objects.requireNonNull(salt, "salt");
        checkAcceptable(parameters);
        if (salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("salt must be " + SALT_BYTES + " bytes");
        }
        return new PassphraseKey(deriveKey(passphrase, salt, parameters), salt.clone(), parameters, null);
    }

    private static void checkAcceptable(Argon2idParameters parameters) throws InvalidAlgorithmParameterException {
        Objects.requireNonNull(parameters, "parameters");
        if (!parameters.isAcceptable()) {
            throw new InvalidAlgorithmParameterException("Argon2id parameters (" + parameters + ") are outside the "
                    + "accepted range (" + Argon2idParameters.FLOOR + " up to " + Argon2idParameters.CEILING + ")");
        }
    }

    private static byte[] deriveKey(char[] passphrase, byte[] salt, Argon2idParameters parameters) {
        byte[] password = utf8(passphrase);
        try {
            return Argon2id.derive(password, salt, EMPTY, EMPTY, parameters, ChaCha20Poly1305Aead.KEY_BYTES);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Returns the UTF-8 bytes of the passphrase; the intermediate buffer is wiped. */
    private static byte[] utf8(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("passphrase must not be empty");
        }
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.allocate(passphrase.length * 3);
        try {
            CoderResult result = encoder.encode(CharBuffer.wrap(passphrase), buffer, true);
            if (!result.isUnderflow() || !encoder.flush(buffer).isUnderflow()) {
                throw new IllegalArgumentException("passphrase is not valid Unicode text");
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        } finally {
            Arrays.fill(buffer.array(), (byte) 0);
        }
    }

    /** Returns a copy of the salt, to be stored beside the sealed secret. */
    public byte[] salt() {
        return salt.clone();
    }

    /** Returns the Argon2id parameters, to be stored beside the sealed secret. */
    public Argon2idParameters parameters() {
        return parameters;
    }

    /**
     * Returns {@code nonce || ciphertext || tag} of {@code plaintext}, bound to {@code label} and {@code header}
     * (which should hold the salt and parameters). Throws IllegalStateException on a key made by {@link #derive},
     * on a second call, or after {@link #close()}.
     */
    public byte[] seal(String label, byte[] header, byte[] plaintext) {
        checkOpen();
        if (random == null) {
            throw new IllegalStateException("a key derived for opening cannot seal; create a new one (fresh salt)");
        }
        if (sealed) {
            throw new IllegalStateException("this key has already sealed a secret; create a new one");
        }
        sealed = true;
        byte[] nonce = new byte[ChaCha20Poly1305Aead.NONCE_BYTES];
        random.nextBytes(nonce);
        return Concatenation.of(nonce, ChaCha20Poly1305Aead.seal(key, nonce, associatedData(label, header),
                plaintext));
    }

    /**
     * Returns the plaintext of {@code sealed}, or throws AEADBadTagException (a GeneralSecurityException) if the
     * passphrase, label, header or sealed bytes differ from those it was sealed with. No plaintext is returned
     * unless the tag verifies.
     */
    public byte[] open(String label, byte[] header, byte[] sealed) throws GeneralSecurityException {
        checkOpen();
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < SEALED_OVERHEAD_BYTES) {
            throw new AEADBadTagException("sealed secret is too short");
        }
        byte[] nonce = Arrays.copyOf(sealed, ChaCha20Poly1305Aead.NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(sealed, nonce.length, sealed.length);
        return ChaCha20Poly1305Aead.open(key, nonce, associatedData(label, header), ciphertext);
    }

    private static byte[] associatedData(String label, byte[] header) {
        Objects.requireNonNull(header, "header");
        return Concatenation.of(Hashing.encodeLabel(label), new byte[1], header);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("key was closed");
        }
    }

    /** Wipes the key; later calls to seal or open throw. */
    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
        closed = true;
    }

    /** Returns a description naming only the parameters. */
    @Override
    public String toString() {
        return "PassphraseKey[" + parameters + "]";
    }
}

package org.habarshy.core.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.habarshy.core.testing.DeterministicRandom;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes what a recipient runs on a ratchet message from a peer ({@link RatchetSession#decrypt},
 * {@link RatchetSession#accept}) and the saved-state decoder ({@link RatchetSession#restore}). The documented
 * outcomes are a plaintext or {@link RatchetException}; anything else is a finding. {@link #decryptInSession}
 * keeps the session id and ratchet key of a real message and takes the rest from the input, so that inputs reach
 * the skipping, ratchet-step and AEAD paths.
 */
@Tag("jazzer")
class RatchetFuzzTest {
    private static final long NOW = 1_767_225_600_000L;
    private static final AgreementKeyPair ALICE = AgreementKeyPair.generate(new DeterministicRandom("fuzz alice"));
    private static final AgreementKeyPair BOB = AgreementKeyPair.generate(new DeterministicRandom("fuzz bob"));
    private static final byte[] FIRST;
    private static final byte[] BOB_STATE;

    static {
        try {
            RatchetSession alice = RatchetSession.start(ALICE, BOB.publicKey(), new DeterministicRandom("fuzz a"));
            FIRST = alice.encrypt("first".getBytes(StandardCharsets.UTF_8));
            BOB_STATE = RatchetSession.accept(BOB, ALICE.publicKey(), FIRST, NOW, new DeterministicRandom("fuzz b"))
                    .session().serialize();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest
    void decrypt(byte[] message) {
        RatchetSession bob = bob();
        byte[] before = bob.serialize();
        try {
            bob.decrypt(message, NOW);
        } catch (RatchetException e) {
            if (!Arrays.equals(before, bob.serialize())) {
                throw new AssertionError("a refused message changed the session", e);
            }
        }
    }

    @FuzzTest
    void decryptInSession(byte[] tail) {
        byte[] message = Arrays.copyOf(FIRST, Math.min(RatchetHeader.BYTES - 8 + tail.length,
                RatchetSession.MAX_MESSAGE_BYTES));
        System.arraycopy(tail, 0, message, RatchetHeader.BYTES - 8, message.length - (RatchetHeader.BYTES - 8));
        decrypt(message);
    }

    @FuzzTest
    void accept(byte[] message) {
        try {
            RatchetSession.accept(BOB, ALICE.publicKey(), message, NOW, new DeterministicRandom("fuzz accept"));
        } catch (RatchetException e) {
            // Documented rejection.
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError("undocumented rejection", e);
        }
    }

    @FuzzTest
    void restore(byte[] state) {
        try {
            RatchetSession.restore(state, new DeterministicRandom("fuzz restore")).serialize();
        } catch (RatchetException e) {
            // Documented rejection.
        }
    }

    private static RatchetSession bob() {
        try {
            return RatchetSession.restore(BOB_STATE, new DeterministicRandom("fuzz bob session"));
        } catch (RatchetException e) {
            throw new AssertionError(e);
        }
    }
}

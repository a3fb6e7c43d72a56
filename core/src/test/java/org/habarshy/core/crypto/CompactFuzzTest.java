package org.habarshy.core.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.testing.DeterministicRandom;
import org.junit.jupiter.api.Tag;

/**
 * Fuzzes the decoder an SMS relay's recipient runs on compact messages that arrive by SMS
 * ({@link CompactOpener#open}, PROTOCOL.md §9.1). The documented outcomes are an opened message, empty (not for us,
 * unknown sender, tampered) and {@link MalformedEnvelopeException}; anything else is a finding. Random bytes never
 * pass the AEAD, so {@link #openAuthenticated} seals each input as the plaintext of a real compact message and checks
 * that exactly it comes back, from the right sender, with the hint of a wrong candidate tried first.
 */
@Tag("jazzer")
class CompactFuzzTest {
    private static final long CREATED = 1_767_225_600_000L;
    private static final AgreementKeyPair RECIPIENT =
            AgreementKeyPair.generate(new DeterministicRandom("fuzz compact recipient"));
    private static final AgreementKeyPair SENDER =
            AgreementKeyPair.generate(new DeterministicRandom("fuzz compact sender"));
    private static final AgreementKeyPair STRANGER =
            AgreementKeyPair.generate(new DeterministicRandom("fuzz compact stranger"));
    private static final List<AgreementKey> CANDIDATES = List.of(STRANGER.publicKey(), SENDER.publicKey());
    private static final CompactOpener OPENER = new CompactOpener(RECIPIENT);

    @FuzzTest
    void open(byte[] message) {
        Optional<OpenedCompact> opened;
        try {
            opened = OPENER.open(message, CANDIDATES);
        } catch (MalformedEnvelopeException e) {
            return;
        }
        if (opened.isPresent()) {
            OpenedCompact o = opened.get();
            if (!CANDIDATES.contains(o.sender()) || o.plaintext().length > CompactFormat.MAX_PLAINTEXT_BYTES
                    || o.expiresAt() <= o.createdAt()) {
                throw new AssertionError("opened something impossible: " + o);
            }
        }
    }

    @FuzzTest
    void openAuthenticated(byte[] plaintext) {
        byte[] text = Arrays.copyOf(plaintext, Math.min(plaintext.length, CompactFormat.MAX_PLAINTEXT_BYTES));
        byte[] sealed = new CompactSealer(SENDER, new DeterministicRandom("fuzz compact salt"))
                .seal(RECIPIENT.publicKey(), text, CREATED, 24);
        OpenedCompact opened;
        try {
            opened = OPENER.open(sealed, CANDIDATES)
                    .orElseThrow(() -> new AssertionError("a message sealed to us by a known sender did not open"));
        } catch (MalformedEnvelopeException e) {
            throw new AssertionError("a message we sealed was called malformed", e);
        }
        if (!Arrays.equals(opened.plaintext(), text) || !opened.sender().equals(SENDER.publicKey())) {
            throw new AssertionError("opened a different plaintext or sender");
        }
    }
}

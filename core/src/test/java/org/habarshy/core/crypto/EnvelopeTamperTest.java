package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No modification of a sealed envelope may ever yield content: every single-bit flip anywhere (which covers a
 * 0x01 flip of each byte and every header bit), every truncation and an appended byte must make
 * {@link EnvelopeOpener#open} return empty or throw.
 */
class EnvelopeTamperTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgreementKeyPair recipient = AgreementKeyPair.generate(RANDOM);
    private final EnvelopeOpener opener = new EnvelopeOpener(recipient);
    private final byte[] envelope = new EnvelopeSealer(SigningKeyPair.generate(RANDOM),
            AgreementKeyPair.generate(RANDOM), RANDOM).seal(recipient.publicKey(),
            "the password is swordfish".getBytes(StandardCharsets.UTF_8), 1_000_000L, 2_000_000L);

    @Test
    void untouchedEnvelopeOpens() throws Exception {
        assertThat(opener.open(envelope)).isPresent();
    }

    @Test
    void everySingleBitFlipIsRefused() {
        for (int bit = 0; bit < envelope.length * 8; bit++) {
            byte[] tampered = envelope.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(attempt(tampered)).as("bit %d", bit).isEmpty();
        }
    }

    @Test
    void everyTruncationAndAnExtensionAreRefused() {
        for (int length = 0; length < envelope.length; length++) {
            assertThat(attempt(Arrays.copyOf(envelope, length))).as("length %d", length).isEmpty();
        }
        assertThat(attempt(Arrays.copyOf(envelope, envelope.length + 1))).isEmpty();
    }

    /** Returns the opened content, or empty if open() returned empty or threw one of its declared exceptions. */
    private Optional<byte[]> attempt(byte[] candidate) {
        try {
            return opener.open(candidate).map(OpenedEnvelope::content);
        } catch (GeneralSecurityException | MalformedEnvelopeException e) {
            return Optional.empty();
        }
    }
}

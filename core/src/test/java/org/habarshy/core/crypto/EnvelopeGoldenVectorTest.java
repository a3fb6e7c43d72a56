package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Golden vector for sealed envelope format v1. The expected bytes were generated once, independently of this
 * code base, with the Python {@code cryptography} package (OpenSSL) following the format in
 * {@link EnvelopeFormat}, {@link EnvelopeCipher} and {@link EnvelopeSignature}, and are now frozen: if this test
 * fails, the wire format changed, which breaks every deployed node. Ed25519 signing is deterministic, so the
 * vector is reproducible. Inputs: sender seed 00..1f, sender X25519 key 20..3f, recipient X25519 key 40..5f,
 * ephemeral X25519 key 60..7f (bytes counting up), createdAt 2026-01-01T00:00Z, expiresAt seven days later.
 * The generator is {@code src/test/resources/crypto/golden_envelope_v1.py}.
 */
class EnvelopeGoldenVectorTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final long CREATED_AT = 1_767_225_600_000L;
    private static final long EXPIRES_AT = 1_767_830_400_000L;
    private static final byte[] CONTENT =
            "Habarshy golden vector v1: hello, recipient!".getBytes(StandardCharsets.UTF_8);
    private static final String ENVELOPE = String.join("",
            "01010000019b76daa8000000019b9ae72c00675dd574ed7789310b3d2e7681f3",
            "790b466c773b1521fecf36577958371ea52f6bd2d8d71a2967a8d9ea49805b79",
            "97aee74f95e87ac3a567074f95e12817465895b62c8bedb4ca38f7e0296b5a8c",
            "2fa8eb28e2f52d4f2c933a489ddcab0a10b8c79f87118fca436ae89a7ee3b6d0",
            "5dfd41f982826a353b447470e4286a2b8a64ec662ebe324ca690d21155ffeb98",
            "810333eac0fedbeba4dfb0693b7378759cb1cec499ec342fd0360c67a06c6713",
            "789ecca1b80115cfe6b0ec8368fcd0bc9fc1aeacaaa2144a810906db5112e03b",
            "2a040b21c752e7cf53875ce7b44b");
    private static final String ENVELOPE_ID = "23c2611bcb3ee32e83224e793a4b6d671eafef601fca17bd31d2e4ac017b01a4";

    private static byte[] counting(int first) {
        byte[] out = new byte[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (first + i);
        }
        return out;
    }

    private final SigningKeyPair sender = SigningKeyPair.fromSeed(counting(0x00));
    private final AgreementKeyPair senderAgreement = AgreementKeyPair.fromPrivateKey(counting(0x20));
    private final AgreementKeyPair recipient = AgreementKeyPair.fromPrivateKey(counting(0x40));

    @Test
    void sealingWithTheFixedEphemeralKeyReproducesTheFrozenBytes() {
        EnvelopeSealer sealer = new EnvelopeSealer(sender, senderAgreement, new SecureRandom());
        byte[] envelope = sealer.seal(recipient.publicKey(), CONTENT, CREATED_AT, EXPIRES_AT,
                AgreementKeyPair.fromPrivateKey(counting(0x60)));
        assertThat(HEX.formatHex(envelope)).isEqualTo(ENVELOPE);
        assertThat(envelope).hasSize(EnvelopeFormat.MIN_BYTES + CONTENT.length);
    }

    @Test
    void theFrozenBytesOpenToTheExpectedContent() throws Exception {
        byte[] envelope = HEX.parseHex(ENVELOPE);
        OpenedEnvelope opened = new EnvelopeOpener(recipient).open(envelope).orElseThrow();
        assertThat(opened.content()).isEqualTo(CONTENT);
        assertThat(opened.sender().hex()).isEqualTo("03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8");
        assertThat(opened.sender()).isEqualTo(sender.publicKey());
        assertThat(opened.senderAgreementKey().hex())
                .isEqualTo("358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd166254");
        assertThat(opened.createdAt()).isEqualTo(CREATED_AT);
        assertThat(opened.expiresAt()).isEqualTo(EXPIRES_AT);
        assertThat(opened.id().hex()).isEqualTo(ENVELOPE_ID);
        assertThat(EnvelopeFormat.idOf(envelope).hex()).isEqualTo(ENVELOPE_ID);
        assertThat(recipient.publicKey().hex())
                .isEqualTo("79a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a");
    }
}

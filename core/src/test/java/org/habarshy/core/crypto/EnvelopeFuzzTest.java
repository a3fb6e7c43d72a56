package org.habarshy.core.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.habarshy.core.testing.DeterministicRandom;
import org.habarshy.core.testing.SeedCorpus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the two envelope decoders every node runs on envelopes from peers: {@link EnvelopeFormat#parseHeader}
 * (carriers) and {@link EnvelopeOpener#open} (recipients). The documented outcomes are a header, an opened
 * envelope, empty (not for us, or a version we do not open), {@link MalformedEnvelopeException} and
 * {@link GeneralSecurityException} ("envelope rejected"); anything else is a finding.
 *
 * <p>Random bytes never pass the AEAD, so {@link #openAuthenticated} seals each input as the plaintext of a
 * real envelope to the recipient: that reaches the sender-key and signature checks behind the cipher. Keys
 * come from {@link DeterministicRandom} so that the committed seeds stay valid.
 */
@Tag("jazzer")
class EnvelopeFuzzTest {
    private static final AgreementKeyPair RECIPIENT =
            AgreementKeyPair.generate(new DeterministicRandom("fuzz envelope recipient"));
    private static final SigningKeyPair SENDER =
            SigningKeyPair.generate(new DeterministicRandom("fuzz envelope sender"));
    private static final AgreementKeyPair SENDER_AGREEMENT =
            AgreementKeyPair.generate(new DeterministicRandom("fuzz envelope sender agreement"));
    private static final AgreementKeyPair EPHEMERAL =
            AgreementKeyPair.generate(new DeterministicRandom("fuzz envelope ephemeral"));
    private static final long CREATED = 1_767_225_600_000L;
    private static final long EXPIRES = CREATED + 7 * 86_400_000L;
    private static final byte[] HEADER = EnvelopeFormat.encodeHeader(EnvelopeFormat.VERSION,
            EnvelopeFormat.KIND_SEALED, CREATED, EXPIRES, EPHEMERAL.publicKey().bytes());
    private static final int TAG_BYTES = ChaCha20Poly1305Aead.TAG_BYTES;
    private static final EnvelopeOpener OPENER = new EnvelopeOpener(RECIPIENT);

    @FuzzTest
    void parseHeader(byte[] envelope) {
        EnvelopeHeader header;
        try {
            header = EnvelopeFormat.parseHeader(envelope);
        } catch (MalformedEnvelopeException e) {
            return;
        }
        if (envelope.length > EnvelopeFormat.MAX_BYTES
                || envelope.length < (header.supported() ? EnvelopeFormat.MIN_BYTES : EnvelopeFormat.HEADER_BYTES)) {
            throw new AssertionError("header of a " + envelope.length + "-byte envelope accepted");
        }
        if (header.version() != (envelope[0] & 0xFF) || header.kind() != (envelope[1] & 0xFF)
                || header.createdAt() != ByteBuffer.wrap(envelope, 2, 8).getLong()
                || header.expiresAt() != ByteBuffer.wrap(envelope, 10, 8).getLong()) {
            throw new AssertionError("header does not match its bytes: " + header);
        }
    }

    @FuzzTest
    void open(byte[] envelope) {
        try {
            OPENER.open(envelope).ifPresent(opened -> checkOpened(envelope, opened));
        } catch (MalformedEnvelopeException malformed) {
            // Documented rejection.
        } catch (GeneralSecurityException e) {
            checkRejected(e);
        }
    }

    @FuzzTest
    void openAuthenticated(byte[] plaintext) {
        int length = Math.min(plaintext.length, EnvelopeFormat.MAX_BYTES - EnvelopeFormat.HEADER_BYTES - TAG_BYTES);
        byte[] envelope = EnvelopeSealer.encrypt(HEADER, EPHEMERAL, RECIPIENT.publicKey().bytes(),
                Arrays.copyOf(plaintext, length));
        Optional<OpenedEnvelope> opened;
        try {
            opened = OPENER.open(envelope);
        } catch (MalformedEnvelopeException e) {
            if (envelope.length >= EnvelopeFormat.MIN_BYTES) {
                throw new AssertionError("a well-formed envelope was called malformed", e);
            }
            return;
        } catch (GeneralSecurityException e) {
            checkRejected(e);
            return;
        }
        if (opened.isEmpty()) {
            throw new AssertionError("an envelope sealed to us was not opened");
        }
        checkOpened(envelope, opened.get());
    }

    /** Only a bad sender signature may raise GeneralSecurityException. */
    private static void checkRejected(GeneralSecurityException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith("envelope rejected")) {
            throw new AssertionError("undocumented rejection", e);
        }
    }

    private static void checkOpened(byte[] envelope, OpenedEnvelope opened) {
        if (!opened.id().equals(EnvelopeFormat.idOf(envelope))
                || opened.content().length != envelope.length - EnvelopeFormat.MIN_BYTES
                || opened.createdAt() >= opened.expiresAt()) {
            throw new AssertionError("opened envelope does not match its bytes");
        }
    }

    @Test
    void seedCorporaMatchTheirRecipes() throws Exception {
        Map<String, byte[]> envelopes = envelopeSeeds();
        SeedCorpus.check(EnvelopeFuzzTest.class, "parseHeader", envelopes);
        SeedCorpus.check(EnvelopeFuzzTest.class, "open", envelopes);
        SeedCorpus.check(EnvelopeFuzzTest.class, "openAuthenticated", plaintextSeeds());
    }

    @Test
    void validSeedsOpen() throws Exception {
        for (String name : new String[] {"valid", "valid-empty-content"}) {
            byte[] envelope = envelopeSeeds().get(name);
            if (OPENER.open(envelope).isEmpty()) {
                throw new AssertionError(name + " does not open");
            }
        }
        byte[] plaintext = plaintextSeeds().get("signed");
        byte[] envelope = EnvelopeSealer.encrypt(HEADER, EPHEMERAL, RECIPIENT.publicKey().bytes(), plaintext);
        if (OPENER.open(envelope).isEmpty()) {
            throw new AssertionError("signed plaintext does not open");
        }
    }

    /** Whole envelopes: valid ones, every size and header bound, and single bit flips of a valid one. */
    static Map<String, byte[]> envelopeSeeds() {
        EnvelopeSealer sealer = new EnvelopeSealer(SENDER, SENDER_AGREEMENT,
                new DeterministicRandom("fuzz envelope seeds"));
        byte[] valid = sealer.seal(RECIPIENT.publicKey(), "meet at the well".getBytes(StandardCharsets.UTF_8),
                CREATED, EXPIRES);
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("valid", valid);
        seeds.put("valid-empty-content", sealer.seal(RECIPIENT.publicKey(), new byte[0], CREATED, EXPIRES));
        seeds.put("size-49", Arrays.copyOf(valid, EnvelopeFormat.HEADER_BYTES - 1));
        seeds.put("size-193", Arrays.copyOf(valid, EnvelopeFormat.MIN_BYTES - 1));
        seeds.put("size-262144", Arrays.copyOf(valid, EnvelopeFormat.MAX_BYTES));
        seeds.put("size-262145", Arrays.copyOf(valid, EnvelopeFormat.MAX_BYTES + 1));
        seeds.put("unknown-version-byte", with(valid, 0, 0x02));
        seeds.put("unknown-version-size-50", with(Arrays.copyOf(valid, EnvelopeFormat.HEADER_BYTES), 0, 0x02));
        seeds.put("unknown-kind", with(valid, 1, 0x02));
        seeds.put("version-0", with(valid, 0, 0x00));
        seeds.put("expires-equals-created", withTimes(valid, CREATED, CREATED));
        seeds.put("expires-before-created", withTimes(valid, CREATED, CREATED - 1));
        seeds.put("created-negative", withTimes(valid, Long.MIN_VALUE, EXPIRES));
        seeds.put("expires-negative", withTimes(valid, CREATED, -1));
        seeds.put("ephemeral-key-zero", withEphemeral(valid, new byte[32]));
        byte[] one = new byte[32];
        one[0] = 1;
        seeds.put("ephemeral-key-one", withEphemeral(valid, one));
        seeds.put("bit-flipped-kind", flip(valid, 1, 0x01));
        seeds.put("bit-flipped-created-at", flip(valid, 9, 0x01));
        seeds.put("bit-flipped-expires-at", flip(valid, 17, 0x80));
        seeds.put("bit-flipped-ephemeral-key", flip(valid, 18, 0x01));
        seeds.put("bit-flipped-ciphertext", flip(valid, EnvelopeFormat.HEADER_BYTES, 0x01));
        seeds.put("bit-flipped-tag", flip(valid, valid.length - 1, 0x80));
        return seeds;
    }

    /** Plaintexts for {@link #openAuthenticated}: a correctly signed one and every way its prefix can be wrong. */
    static Map<String, byte[]> plaintextSeeds() {
        byte[] content = "meet at the well".getBytes(StandardCharsets.UTF_8);
        byte[] signed = signedPlaintext(content);
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("signed", signed);
        seeds.put("signed-empty-content", signedPlaintext(new byte[0]));
        seeds.put("signature-bit-flipped", flip(signed, 64, 0x01));
        seeds.put("content-bit-flipped", flip(signed, EnvelopeFormat.PLAINTEXT_PREFIX_BYTES, 0x01));
        seeds.put("sender-agreement-key-changed", flip(signed, 32, 0x01));
        byte[] notOnCurve = new byte[32];
        Arrays.fill(notOnCurve, (byte) 0xFF);
        seeds.put("sender-key-not-canonical", withBytes(signed, 0, notOnCurve));
        byte[] identityPoint = new byte[32];
        identityPoint[0] = 1;
        seeds.put("sender-key-small-order", withBytes(signed, 0, identityPoint));
        // S = L, the group order: the smallest non-canonical scalar.
        byte[] groupOrder = HexFormat.of().parseHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        seeds.put("signature-s-not-canonical", withBytes(signed, 96, groupOrder));
        seeds.put("prefix-127-bytes", Arrays.copyOf(signed, EnvelopeFormat.PLAINTEXT_PREFIX_BYTES - 1));
        seeds.put("empty", new byte[0]);
        return seeds;
    }

    private static byte[] signedPlaintext(byte[] content) {
        byte[] senderAgreement = SENDER_AGREEMENT.publicKey().bytes();
        byte[] signature = SENDER.sign(EnvelopeSignature.message(HEADER, RECIPIENT.publicKey().bytes(),
                senderAgreement, content));
        return ByteBuffer.allocate(EnvelopeFormat.PLAINTEXT_PREFIX_BYTES + content.length)
                .put(SENDER.publicKey().bytes()).put(senderAgreement).put(signature).put(content).array();
    }

    private static byte[] with(byte[] bytes, int offset, int value) {
        byte[] out = bytes.clone();
        out[offset] = (byte) value;
        return out;
    }

    private static byte[] flip(byte[] bytes, int offset, int mask) {
        return with(bytes, offset, bytes[offset] ^ mask);
    }

    private static byte[] withBytes(byte[] bytes, int offset, byte[] replacement) {
        byte[] out = bytes.clone();
        System.arraycopy(replacement, 0, out, offset, replacement.length);
        return out;
    }

    private static byte[] withTimes(byte[] envelope, long createdAt, long expiresAt) {
        return withBytes(envelope, 2, ByteBuffer.allocate(16).putLong(createdAt).putLong(expiresAt).array());
    }

    private static byte[] withEphemeral(byte[] envelope, byte[] key) {
        return withBytes(envelope, 18, key);
    }
}

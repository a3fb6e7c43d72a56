package org.habarshy.core.identity;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.habarshy.core.crypto.DomainLabels;
import org.habarshy.core.crypto.Hashing;
import org.habarshy.core.testing.DeterministicRandom;
import org.habarshy.core.testing.SeedCorpus;
import org.habarshy.core.wire.ContactCardCodec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link ContactCodes#decode}, which reads text a user pasted from anywhere (and, through it, the
 * package-private {@link Base32} decoder and {@link ContactCardCodec#decodeSigned}). The only documented
 * failure is {@link InvalidContactCodeException}.
 *
 * <p>{@link #decodeText} takes the input as UTF-8 text. Random text almost never has a matching checksum, so
 * {@link #decodeChecksummed} wraps each input as the signed-card part of a code with a correct checksum: that
 * reaches the card decoder and the signature check, and such a code must never be called mistyped.
 */
@Tag("jazzer")
class ContactCodesFuzzTest {
    private static final ContactCodes CODES = new ContactCodes();
    private static final int CHECKSUM_BYTES = 4;

    @FuzzTest
    void decodeText(byte[] utf8) {
        try {
            CODES.decode(new String(utf8, StandardCharsets.UTF_8));
        } catch (InvalidContactCodeException rejected) {
            // The only documented failure.
        }
    }

    @FuzzTest
    void decodeChecksummed(byte[] signed) {
        try {
            CODES.decode(code(signed));
        } catch (InvalidContactCodeException e) {
            if (e.getMessage().contains("mistyped")) {
                throw new AssertionError("a well-formed code was called mistyped", e);
            }
        }
    }

    /** Returns the contact code whose signed-card part is {@code signed}, with the right checksum. */
    private static String code(byte[] signed) {
        byte[] checksum = Hashing.sha256(DomainLabels.CONTACT_CODE, signed);
        byte[] payload = Arrays.copyOf(signed, signed.length + CHECKSUM_BYTES);
        System.arraycopy(checksum, 0, payload, signed.length, CHECKSUM_BYTES);
        return ContactCodes.PREFIX + Base32.encode(payload);
    }

    @Test
    void seedCorporaMatchTheirRecipes() throws Exception {
        SeedCorpus.check(ContactCodesFuzzTest.class, "decodeText", textSeeds());
        SeedCorpus.check(ContactCodesFuzzTest.class, "decodeChecksummed", signedSeeds());
    }

    @Test
    void validSeedsDecode() throws Exception {
        CODES.decode(new String(textSeeds().get("valid"), StandardCharsets.UTF_8));
        CODES.decode(new String(textSeeds().get("lower-case-grouped"), StandardCharsets.UTF_8));
        CODES.decode(code(signedSeeds().get("valid")));
    }

    private static IdentityKeys identity() {
        return IdentityKeys.generate("Amina", new DeterministicRandom("fuzz contact code identity"),
                1_767_225_600_000L);
    }

    /** Codes as a person might paste them: valid, reformatted, mistyped, damaged and tampered with. */
    static Map<String, byte[]> textSeeds() {
        String valid = CODES.encode(identity());
        String body = valid.substring(ContactCodes.PREFIX.length());
        Map<String, String> seeds = new LinkedHashMap<>();
        seeds.put("valid", valid);
        seeds.put("lower-case-grouped", ContactCodes.PREFIX.toLowerCase(Locale.ROOT) + "-"
                + String.join(" ", body.toLowerCase(Locale.ROOT).split("(?<=\\G.{4})")) + "\n");
        seeds.put("bad-char-0", valid.substring(0, 10) + "0" + valid.substring(11));
        seeds.put("bad-char-1", valid.substring(0, 10) + "1" + valid.substring(11));
        seeds.put("bad-char-8", valid.substring(0, 10) + "8" + valid.substring(11));
        seeds.put("bad-char-equals-padding", valid + "=");
        seeds.put("bad-char-non-ascii", valid.substring(0, 10) + "Ä" + valid.substring(11));
        char last = valid.charAt(valid.length() - 1);
        seeds.put("wrong-checksum", valid.substring(0, valid.length() - 1) + (last == 'A' ? 'B' : 'A'));
        seeds.put("extra-char", valid + "A");
        seeds.put("missing-char", valid.substring(0, valid.length() - 1));
        seeds.put("prefix-only", ContactCodes.PREFIX);
        seeds.put("too-short", ContactCodes.PREFIX + "AAAAAAA");
        seeds.put("wrong-prefix", "HB2" + body);
        seeds.put("too-long", ContactCodes.PREFIX + "A".repeat(1022));
        seeds.put("unicode-white-space", "\u2003" + valid + "\u00A0");
        seeds.put("empty", "");
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        seeds.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, byte[]> signed : signedSeeds().entrySet()) {
            if (!signed.getKey().equals("valid")) {
                bytes.put("checksummed-" + signed.getKey(), code(signed.getValue()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes;
    }

    /** Signed-card parts: a valid card, a tampered one and ones the card decoder refuses. */
    static Map<String, byte[]> signedSeeds() {
        IdentityKeys identity = identity();
        ContactCardCodec codec = new ContactCardCodec();
        byte[] card = codec.encodeCard(identity.card());
        byte[] label = (DomainLabels.CONTACT_CARD + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] signingInput = Arrays.copyOf(label, label.length + card.length);
        System.arraycopy(card, 0, signingInput, label.length, card.length);
        byte[] signature = identity.signing().sign(signingInput);
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("valid", codec.encodeSigned(card, signature));
        byte[] badSignature = signature.clone();
        badSignature[0] ^= 0x01;
        seeds.put("signature-bit-flipped", codec.encodeSigned(card, badSignature));
        byte[] otherCard = card.clone();
        otherCard[otherCard.length - 1] ^= 0x01;
        seeds.put("card-bit-flipped", codec.encodeSigned(otherCard, signature));
        seeds.put("signature-63-bytes", codec.encodeSigned(card, Arrays.copyOf(signature, 63)));
        seeds.put("not-protobuf", new byte[] {(byte) 0xFF, (byte) 0xFF});
        seeds.put("size-513-bytes", new byte[ContactCardCodec.MAX_SIGNED_CARD_BYTES + 1]);
        seeds.put("empty", new byte[0]);
        return seeds;
    }
}

package org.habarshy.core.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.testing.DeterministicRandom;
import org.habarshy.core.testing.SeedCorpus;
import org.habarshy.proto.v1.Content;
import org.habarshy.proto.v1.ContactCard;
import org.habarshy.proto.v1.IdentityFile;
import org.habarshy.proto.v1.Receipt;
import org.habarshy.proto.v1.SignedContactCard;
import org.habarshy.proto.v1.TextMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the protobuf decoders outside the link pipeline: envelope content ({@link ContentCodec}, peer input
 * once an envelope opened), signed contact cards ({@link ContactCardCodec}, inside every contact code), the
 * handshake hello ({@link HelloCodec}) and the identity key file ({@link IdentityFileCodec}, local but possibly
 * damaged). Each may only throw {@link MalformedRecordException}, and whatever it accepts must survive a
 * round trip through its encoder.
 */
@Tag("jazzer")
class WireCodecsFuzzTest {
    private static final ContentCodec CONTENT = new ContentCodec();
    private static final ContactCardCodec CARDS = new ContactCardCodec();
    private static final IdentityFileCodec IDENTITY_FILES = new IdentityFileCodec();

    @FuzzTest
    void content(byte[] bytes) throws MalformedRecordException {
        MessageContent decoded;
        try {
            decoded = CONTENT.decode(bytes);
        } catch (MalformedRecordException rejected) {
            return;
        }
        MessageContent again = CONTENT.decode(CONTENT.encode(decoded));
        if (!decoded.equals(again)) {
            throw new AssertionError("content changed in a round trip: " + decoded + " became " + again);
        }
    }

    @FuzzTest
    void signedContactCard(byte[] bytes) throws MalformedRecordException {
        SignedCard decoded;
        try {
            decoded = CARDS.decodeSigned(bytes);
        } catch (MalformedRecordException rejected) {
            return;
        }
        SignedCard again = CARDS.decodeSigned(CARDS.encodeSigned(decoded.cardBytes(), decoded.signature()));
        if (!decoded.equals(again) || !decoded.card().equals(again.card())) {
            throw new AssertionError("card changed in a round trip: " + decoded + " became " + again);
        }
    }

    @FuzzTest
    void linkHello(byte[] bytes) {
        try {
            HelloCodec.decodeVersion(bytes);
        } catch (MalformedRecordException rejected) {
            // The only documented failure.
        }
    }

    @FuzzTest
    void identityFile(byte[] bytes) throws MalformedRecordException {
        IdentityFileFields decoded;
        try {
            decoded = IDENTITY_FILES.decode(bytes);
        } catch (MalformedRecordException rejected) {
            return;
        }
        IdentityFileFields again = IDENTITY_FILES.decode(IDENTITY_FILES.encode(decoded));
        if (!decoded.name().equals(again.name()) || decoded.createdAt() != again.createdAt()
                || !Arrays.equals(decoded.signingSeed(), again.signingSeed())
                || !Arrays.equals(decoded.agreementPrivateKey(), again.agreementPrivateKey())) {
            throw new AssertionError("identity file changed in a round trip");
        }
    }

    @Test
    void seedCorporaMatchTheirRecipes() throws Exception {
        SeedCorpus.check(WireCodecsFuzzTest.class, "content", contentSeeds());
        SeedCorpus.check(WireCodecsFuzzTest.class, "signedContactCard", cardSeeds());
        SeedCorpus.check(WireCodecsFuzzTest.class, "linkHello", helloSeeds());
        SeedCorpus.check(WireCodecsFuzzTest.class, "identityFile", identityFileSeeds());
    }

    /** Text and receipts at and past each bound of docs/PROTOCOL.md section 3.1. */
    static Map<String, byte[]> contentSeeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("text", text("meet at the well"));
        seeds.put("text-65536-bytes", text("a".repeat(65_536)));
        seeds.put("text-65537-bytes", text("a".repeat(65_537)));
        seeds.put("text-empty", text(""));
        // A TextMessage whose string is the invalid UTF-8 sequence C3 28.
        seeds.put("text-invalid-utf8", new byte[] {0x0A, 0x04, 0x0A, 0x02, (byte) 0xC3, 0x28});
        seeds.put("receipt-1-id", receipt(Receipt.Kind.DELIVERED_VALUE, ids(1, 32)));
        seeds.put("receipt-256-ids", receipt(Receipt.Kind.DELIVERED_VALUE, ids(256, 32)));
        seeds.put("receipt-257-ids", receipt(Receipt.Kind.DELIVERED_VALUE, ids(257, 32)));
        seeds.put("receipt-0-ids", receipt(Receipt.Kind.DELIVERED_VALUE, ids(0, 32)));
        seeds.put("receipt-id-31-bytes", receipt(Receipt.Kind.DELIVERED_VALUE, ids(1, 31)));
        seeds.put("receipt-kind-read", receipt(Receipt.Kind.READ_VALUE, ids(1, 32)));
        seeds.put("receipt-kind-unspecified", receipt(Receipt.Kind.KIND_UNSPECIFIED_VALUE, ids(1, 32)));
        seeds.put("receipt-kind-unknown-7", receipt(7, ids(1, 32)));
        seeds.put("no-body", new byte[0]);
        seeds.put("not-protobuf", new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        return seeds;
    }

    /** Signed cards at and past each bound of docs/PROTOCOL.md section 4. */
    static Map<String, byte[]> cardSeeds() {
        ContactCard valid = ContactCard.newBuilder().setVersion(1).setName("Amina")
                .setSigningKey(key("card signing key", 32)).setAgreementKey(key("card agreement key", 32))
                .setCreatedAt(1_767_225_600_000L).build();
        ByteString signature = key("card signature", 64);
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("valid", signed(valid, signature));
        seeds.put("name-64-bytes", signed(valid.toBuilder().setName("é".repeat(32)).build(), signature));
        seeds.put("name-65-bytes", signed(valid.toBuilder().setName("é".repeat(32) + "a").build(), signature));
        seeds.put("name-empty", signed(valid.toBuilder().setName("").build(), signature));
        seeds.put("name-blank", signed(valid.toBuilder().setName(" \t ").build(), signature));
        seeds.put("version-0", signed(valid.toBuilder().setVersion(0).build(), signature));
        seeds.put("version-2", signed(valid.toBuilder().setVersion(2).build(), signature));
        seeds.put("signing-key-31-bytes", signed(valid.toBuilder().setSigningKey(key("short", 31)).build(),
                signature));
        seeds.put("agreement-key-33-bytes", signed(valid.toBuilder().setAgreementKey(key("long", 33)).build(),
                signature));
        seeds.put("signature-63-bytes", signed(valid, signature.substring(0, 63)));
        seeds.put("signature-missing", SignedContactCard.newBuilder().setCard(valid.toByteString()).build()
                .toByteArray());
        seeds.put("card-not-protobuf", SignedContactCard.newBuilder()
                .setCard(ByteString.copyFrom(new byte[] {-1, -1})).setSignature(signature).build().toByteArray());
        byte[] padded = SignedContactCard.newBuilder().setCard(valid.toByteString()).setSignature(signature)
                .build().toByteArray();
        seeds.put("size-513-bytes", Arrays.copyOf(padded, ContactCardCodec.MAX_SIGNED_CARD_BYTES + 1));
        seeds.put("empty", new byte[0]);
        return seeds;
    }

    /** LinkHello payloads: the versions that matter and broken encodings. */
    static Map<String, byte[]> helloSeeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("version-1", HelloCodec.encode(1));
        seeds.put("version-0", HelloCodec.encode(0));
        seeds.put("version-uint32-max", HelloCodec.encode(-1));
        seeds.put("varint-truncated", new byte[] {0x08, (byte) 0x80});
        seeds.put("varint-11-bytes", new byte[] {0x08, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0x01});
        seeds.put("not-protobuf", new byte[] {(byte) 0xFF});
        seeds.put("empty", new byte[0]);
        return seeds;
    }

    /** Identity files: a good one and each way docs/PROTOCOL.md section 6 says it can be damaged. */
    static Map<String, byte[]> identityFileSeeds() {
        IdentityFile valid = IdentityFile.newBuilder().setVersion(1).setName("Amina")
                .setSigningSeed(key("identity seed", 32)).setAgreementPrivate(key("identity agreement", 32))
                .setCreatedAt(1_767_225_600_000L).build();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("valid", valid.toByteArray());
        seeds.put("version-2", valid.toBuilder().setVersion(2).build().toByteArray());
        seeds.put("signing-seed-31-bytes", valid.toBuilder().setSigningSeed(key("short", 31)).build().toByteArray());
        seeds.put("agreement-private-33-bytes", valid.toBuilder().setAgreementPrivate(key("long", 33)).build()
                .toByteArray());
        seeds.put("size-4097-bytes", Arrays.copyOf(valid.toByteArray(), 4097));
        seeds.put("truncated", Arrays.copyOf(valid.toByteArray(), 20));
        seeds.put("empty", new byte[0]);
        return seeds;
    }

    private static byte[] text(String text) {
        return Content.newBuilder().setText(TextMessage.newBuilder().setText(text).setSentAt(1_767_225_600_000L))
                .build().toByteArray();
    }

    private static byte[] receipt(int kind, List<ByteString> ids) {
        return Content.newBuilder().setReceipt(Receipt.newBuilder().setKindValue(kind).addAllEnvelopeIds(ids))
                .build().toByteArray();
    }

    private static List<ByteString> ids(int count, int length) {
        List<ByteString> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] id = new byte[length];
            id[0] = (byte) i;
            ids.add(ByteString.copyFrom(id));
        }
        return ids;
    }

    private static byte[] signed(ContactCard card, ByteString signature) {
        return SignedContactCard.newBuilder().setCard(card.toByteString()).setSignature(signature).build()
                .toByteArray();
    }

    private static ByteString key(String label, int length) {
        byte[] bytes = new byte[length];
        new DeterministicRandom(label).nextBytes(bytes);
        return ByteString.copyFrom(bytes);
    }
}

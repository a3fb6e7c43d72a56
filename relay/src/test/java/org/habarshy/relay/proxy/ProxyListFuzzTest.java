package org.habarshy.relay.proxy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.testing.DeterministicRandom;
import org.habarshy.core.testing.SeedCorpus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the signed proxy list, which any carrier may hand a relay: {@link #open} feeds raw bytes to
 * {@link PublicDocumentFormat#open} (bounds, layout, padding, signature); {@link #decode} feeds them to
 * {@link ProxyListCodec#decode} (the document body); {@link #decodeSigned} signs each input as a real list's body
 * so that it passes the signature and reaches the list decoder as a relay would read it. The only documented
 * failure is {@link InvalidDocumentException}; a decoded list re-encodes to as many bytes and decodes to itself
 * (hosts are lower-cased: {@code upper-case-host*} are the inputs that showed it, kept as regression inputs).
 */
@Tag("jazzer")
class ProxyListFuzzTest {
    private static final long CREATED = 1_767_225_600_000L;
    private static final SigningKeyPair SIGNER = SigningKeyPair.generate(new DeterministicRandom("fuzz proxy list"));

    @FuzzTest
    void open(byte[] envelope) {
        try {
            PublicDocument document = PublicDocumentFormat.open(envelope);
            ProxyListCodec.decode(document.body());
        } catch (InvalidDocumentException rejected) {
            // The only documented failure.
        }
    }

    @FuzzTest
    void decode(byte[] body) {
        List<ProxyEndpoint> proxies;
        try {
            proxies = ProxyListCodec.decode(body);
        } catch (InvalidDocumentException rejected) {
            return;
        }
        // Hosts are case-insensitive and kept in lower case, so the bytes may differ in the hosts' letters only.
        byte[] again = ProxyListCodec.encode(proxies);
        List<ProxyEndpoint> reread;
        try {
            reread = ProxyListCodec.decode(again);
        } catch (InvalidDocumentException e) {
            throw new AssertionError("a re-encoded list does not decode", e);
        }
        if (again.length != body.length || !reread.equals(proxies)) {
            throw new AssertionError("a decoded list does not survive re-encoding");
        }
    }

    @FuzzTest
    void decodeSigned(byte[] body) {
        if (body.length > PublicDocumentFormat.MAX_BODY_BYTES) {
            return;
        }
        byte[] envelope = PublicDocumentFormat.seal(SIGNER, PublicDocumentFormat.TYPE_PROXY_LIST, body, CREATED,
                CREATED + Duration.ofDays(7).toMillis());
        PublicDocument document;
        try {
            document = PublicDocumentFormat.open(envelope);
        } catch (InvalidDocumentException e) {
            throw new AssertionError("a correctly signed document was refused", e);
        }
        decode(document.body());
    }

    @Test
    void seedCorporaMatchTheirRecipes() throws Exception {
        SeedCorpus.check(ProxyListFuzzTest.class, "open", envelopeSeeds());
        SeedCorpus.check(ProxyListFuzzTest.class, "decode", bodySeeds());
        SeedCorpus.check(ProxyListFuzzTest.class, "decodeSigned", bodySeeds());
    }

    /** List bodies: the documented example, the bounds and broken entries. */
    static Map<String, byte[]> bodySeeds() {
        HexFormat hex = HexFormat.of();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("example-2-entries", hex.parseHex("02010931323" + "72e302e302e3104380203" + "3a3a311f90"));
        seeds.put("unknown-kind", hex.parseHex("0109093132372e302e302e310438"));
        seeds.put("count-zero", hex.parseHex("00"));
        seeds.put("count-65", hex.parseHex("41"));
        seeds.put("host-length-zero", hex.parseHex("0101000438"));
        seeds.put("host-bad-char", hex.parseHex("010103612f620438"));
        seeds.put("port-zero", hex.parseHex("01010161" + "0000"));
        seeds.put("trailing-byte", hex.parseHex("01010161" + "0438" + "00"));
        seeds.put("truncated", hex.parseHex("0201"));
        seeds.put("empty", new byte[0]);
        return seeds;
    }

    /** Whole documents: a valid list and damaged copies of it. */
    static Map<String, byte[]> envelopeSeeds() {
        byte[] valid = PublicDocumentFormat.seal(SIGNER, PublicDocumentFormat.TYPE_PROXY_LIST,
                bodySeeds().get("example-2-entries"), CREATED, CREATED + Duration.ofDays(7).toMillis());
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("valid", valid);
        byte[] badSignature = valid.clone();
        badSignature[badSignature.length - 1] ^= 1;
        seeds.put("signature-bit-flipped", badSignature);
        byte[] badLength = valid.clone();
        badLength[52] ^= 1;
        seeds.put("length-field-wrong", badLength);
        byte[] badPadding = valid.clone();
        badPadding[valid.length - 65] = 1;
        seeds.put("padding-not-zero", badPadding);
        byte[] expiredBeforeCreated = valid.clone();
        expiredBeforeCreated[10] = 0;
        seeds.put("expires-before-created", expiredBeforeCreated);
        seeds.put("sealed-envelope-kind", new byte[194]);
        return seeds;
    }
}

package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.habarshy.core.api.identity.IdentityKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Project Wycheproof vectors (testvectors_v1) from {@code ../shared/vectors/wycheproof/}; skipped when absent.
 * Each test collects every failing case and asserts the list is empty; case counts are published through the
 * JUnit {@link TestReporter}.
 *
 * <p>"acceptable" cases: Wycheproof marks them as allowed either way, so we assert our documented policy. For
 * X25519, a case whose expected shared secret is all zero (flag ZeroSharedSecret, low-order public keys) must be
 * rejected, because {@link AgreementKeyPair#agree} refuses all-zero secrets; every other acceptable case (twist
 * points, non-canonical u-coordinates, which RFC 7748 says to accept) must produce exactly the expected secret.
 * The Ed25519, ChaCha20-Poly1305 and HKDF files contain no acceptable cases; if one appeared, the test would
 * only require that the result, if accepted, is correct.
 *
 * <p>The expected per-category counts below are those of the pinned testvectors_v1 files in the shared vector
 * directory; they make sure no case is silently skipped. Update them deliberately if the vectors change.
 */
class WycheproofTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void x25519(TestReporter reporter) throws IOException {
        JsonObject root = load("x25519_test.json");
        List<String> failures = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonObject test : tests(root)) {
            byte[] privateKey = hex(test, "private");
            byte[] publicKey = hex(test, "public");
            byte[] expected = hex(test, "shared");
            String result = test.get("result").getAsString();
            boolean zeroShared = expected.length == 32 && Arrays.equals(expected, new byte[32]);
            boolean mustReject = "invalid".equals(result) || zeroShared;
            byte[] actual = null;
            try {
                actual = AgreementKeyPair.fromPrivateKey(privateKey).agree(publicKey);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                actual = null;
            }
            if (mustReject) {
                if (actual != null && Arrays.equals(actual, expected)) {
                    failures.add(id(test) + ": accepted, expected rejection");
                }
                count(counts, result + (actual == null ? " rejected" : " rejected-by-mismatch"));
            } else if (actual == null) {
                failures.add(id(test) + ": rejected, expected " + result);
            } else if (!Arrays.equals(actual, expected)) {
                failures.add(id(test) + ": wrong shared secret");
            } else {
                count(counts, result + " accepted");
            }
        }
        reporter.publishEntry("wycheproof x25519", counts.toString());
        assertThat(failures).isEmpty();
        assertThat(counts).isEqualTo(Map.of("valid accepted", 264, "acceptable accepted", 223,
                "acceptable rejected", 31));
        assertThat(total(counts)).isEqualTo(root.get("numberOfTests").getAsInt());
    }

    @Test
    void ed25519(TestReporter reporter) throws IOException {
        JsonObject root = load("ed25519_test.json");
        List<String> failures = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonElement groupElement : root.getAsJsonArray("testGroups")) {
            JsonObject group = groupElement.getAsJsonObject();
            byte[] publicKey = hex(group.getAsJsonObject("publicKey"), "pk");
            for (JsonElement testElement : group.getAsJsonArray("tests")) {
                JsonObject test = testElement.getAsJsonObject();
                String result = test.get("result").getAsString();
                boolean accepted;
                try {
                    SignatureVerifier.verify(new IdentityKey(publicKey), hex(test, "msg"), hex(test, "sig"));
                    accepted = true;
                } catch (GeneralSecurityException e) {
                    accepted = false;
                }
                if ("valid".equals(result) && !accepted) {
                    failures.add(id(test) + ": valid signature rejected");
                } else if ("invalid".equals(result) && accepted) {
                    failures.add(id(test) + ": invalid signature accepted");
                }
                count(counts, result + (accepted ? " accepted" : " rejected"));
            }
        }
        reporter.publishEntry("wycheproof ed25519", counts.toString());
        assertThat(failures).isEmpty();
        assertThat(counts).isEqualTo(Map.of("valid accepted", 88, "invalid rejected", 63));
        assertThat(total(counts)).isEqualTo(root.get("numberOfTests").getAsInt());
    }

    @Test
    void chacha20Poly1305(TestReporter reporter) throws IOException {
        JsonObject root = load("chacha20_poly1305_test.json");
        List<String> failures = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonElement groupElement : root.getAsJsonArray("testGroups")) {
            JsonObject group = groupElement.getAsJsonObject();
            boolean supported = group.get("ivSize").getAsInt() == 96 && group.get("keySize").getAsInt() == 256
                    && group.get("tagSize").getAsInt() == 128;
            for (JsonElement testElement : group.getAsJsonArray("tests")) {
                JsonObject test = testElement.getAsJsonObject();
                String result = test.get("result").getAsString();
                if (!supported) {
                    count(counts, "skipped (nonce/key/tag size unsupported), " + result);
                    continue;
                }
                checkAead(test, result, failures);
                count(counts, result);
            }
        }
        reporter.publishEntry("wycheproof chacha20-poly1305", counts.toString());
        assertThat(failures).isEmpty();
        assertThat(counts).isEqualTo(Map.of("valid", 256, "invalid", 60,
                "skipped (nonce/key/tag size unsupported), invalid", 9));
        assertThat(total(counts)).isEqualTo(root.get("numberOfTests").getAsInt());
    }

    private static void checkAead(JsonObject test, String result, List<String> failures) {
        byte[] key = hex(test, "key");
        byte[] nonce = hex(test, "iv");
        byte[] aad = hex(test, "aad");
        byte[] msg = hex(test, "msg");
        byte[] sealed = concat(hex(test, "ct"), hex(test, "tag"));
        byte[] opened;
        try {
            opened = ChaCha20Poly1305Aead.open(key, nonce, aad, sealed);
        } catch (GeneralSecurityException e) {
            opened = null;
        }
        if ("valid".equals(result)) {
            if (!Arrays.equals(ChaCha20Poly1305Aead.seal(key, nonce, aad, msg), sealed)) {
                failures.add(id(test) + ": seal mismatch");
            }
            if (opened == null || !Arrays.equals(opened, msg)) {
                failures.add(id(test) + ": open failed");
            }
        } else if ("invalid".equals(result) && opened != null) {
            failures.add(id(test) + ": invalid ciphertext opened");
        } else if (opened != null && !Arrays.equals(opened, msg)) {
            failures.add(id(test) + ": acceptable ciphertext opened to the wrong plaintext");
        }
    }

    @Test
    void hkdfSha256(TestReporter reporter) throws IOException {
        JsonObject root = load("hkdf_sha256_test.json");
        List<String> failures = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonObject test : tests(root)) {
            String result = test.get("result").getAsString();
            byte[] okm;
            try {
                okm = Hkdf.sha256(hex(test, "ikm"), hex(test, "salt"), hex(test, "info"),
                        test.get("size").getAsInt());
            } catch (IllegalArgumentException e) {
                okm = null;
            }
            if ("valid".equals(result) && (okm == null || !Arrays.equals(okm, hex(test, "okm")))) {
                failures.add(id(test) + ": wrong or missing output");
            } else if ("invalid".equals(result) && okm != null) {
                failures.add(id(test) + ": invalid request produced output");
            }
            count(counts, result + (okm == null ? " rejected" : " accepted"));
        }
        reporter.publishEntry("wycheproof hkdf-sha256", counts.toString());
        assertThat(failures).isEmpty();
        assertThat(counts).isEqualTo(Map.of("valid accepted", 83, "invalid rejected", 3));
        assertThat(total(counts)).isEqualTo(root.get("numberOfTests").getAsInt());
    }

    private static JsonObject load(String name) throws IOException {
        Path file = VectorFiles.resolve("wycheproof/" + name);
        assumeTrue(Files.isRegularFile(file), "Wycheproof vectors not found at " + file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader).getAsJsonObject();
        }
    }

    private static List<JsonObject> tests(JsonObject root) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement group : root.getAsJsonArray("testGroups")) {
            JsonArray tests = group.getAsJsonObject().getAsJsonArray("tests");
            for (JsonElement test : tests) {
                out.add(test.getAsJsonObject());
            }
        }
        return out;
    }

    private static byte[] hex(JsonObject object, String field) {
        return HEX.parseHex(object.get(field).getAsString());
    }

    private static String id(JsonObject test) {
        return "tcId " + test.get("tcId").getAsInt() + " (" + test.get("comment").getAsString() + ")";
    }

    private static void count(Map<String, Integer> counts, String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

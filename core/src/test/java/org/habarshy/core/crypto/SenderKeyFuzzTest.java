package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.habarshy.core.testing.DeterministicRandom;
import org.habarshy.core.testing.SeedCorpus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes what a member runs on a group message from a carrier ({@link SenderKeyChain#decrypt}) and the saved
 * chain decoder ({@link SenderKeyChain#restore}). The documented outcomes are a body or
 * {@link SenderKeyException}, and a refused message leaves the chain unchanged. {@link #decryptInChain} keeps the
 * header of a real message (its tag and iteration) and takes the rest from the input.
 */
@Tag("jazzer")
class SenderKeyFuzzTest {
    private static final long NOW = 1_767_225_600_000L;
    private static final long EXPIRES = NOW + 7L * 24 * 3600 * 1000;
    private static final SigningKeyPair SIGNING = SigningKeyPair.generate(new DeterministicRandom("fuzz signer"));
    private static final byte[] CHAIN_KEY = new byte[32];
    private static final byte[] TAG = SenderKeyChain.chainTag(new byte[32], 0, SIGNING.publicKey());

    @FuzzTest
    void decrypt(byte[] message) {
        SenderKeyChain receiver = receiver();
        byte[] before = receiver.serialize();
        try {
            receiver.decrypt(message, NOW);
        } catch (SenderKeyException e) {
            if (!Arrays.equals(before, receiver.serialize())) {
                throw new AssertionError("a refused message changed the chain", e);
            }
        }
    }

    @FuzzTest
    void decryptInChain(byte[] tail) {
        byte[] message = Arrays.copyOf(messages().get("valid"), Math.min(GroupMessageFormat.HEADER_BYTES
                + tail.length, GroupMessageFormat.MAX_BYTES));
        System.arraycopy(tail, 0, message, GroupMessageFormat.HEADER_BYTES,
                message.length - GroupMessageFormat.HEADER_BYTES);
        decrypt(message);
    }

    @FuzzTest
    void restore(byte[] state) {
        try {
            SenderKeyChain.restore(state).serialize();
        } catch (SenderKeyException e) {
            // Documented rejection.
        }
    }

    @Test
    void seedCorporaMatchTheirRecipes() throws Exception {
        SeedCorpus.check(SenderKeyFuzzTest.class, "decrypt", messages());
        Map<String, byte[]> tails = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : messages().entrySet()) {
            byte[] m = e.getValue();
            if (m.length > GroupMessageFormat.HEADER_BYTES) {
                tails.put(e.getKey(), Arrays.copyOfRange(m, GroupMessageFormat.HEADER_BYTES, m.length));
            }
        }
        SeedCorpus.check(SenderKeyFuzzTest.class, "decryptInChain", tails);
        Map<String, byte[]> states = new LinkedHashMap<>();
        states.put("receiver", receiver().serialize());
        SenderKeyChain sender = sender();
        sender.encrypt(TAG, NOW, EXPIRES, new byte[1]);
        states.put("sender", sender.serialize());
        SenderKeyChain skipped = receiver();
        skipped.decrypt(messages().get("valid-iteration-3"), NOW);
        states.put("receiver-with-skipped-keys", skipped.serialize());
        states.put("truncated", Arrays.copyOf(skipped.serialize(), 60));
        SeedCorpus.check(SenderKeyFuzzTest.class, "restore", states);
    }

    @Test
    void validSeedsDecrypt() throws Exception {
        assertThat(receiver().decrypt(messages().get("valid"), NOW))
                .isEqualTo("fuzz seed".getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, byte[]> messages() {
        SenderKeyChain sender = sender();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        byte[] valid = sender.encrypt(TAG, NOW, EXPIRES, "fuzz seed".getBytes(StandardCharsets.UTF_8));
        seeds.put("valid", valid);
        sender.encrypt(TAG, NOW, EXPIRES, new byte[0]);
        sender.encrypt(TAG, NOW, EXPIRES, new byte[0]);
        seeds.put("valid-iteration-3", sender.encrypt(TAG, NOW, EXPIRES, new byte[300]));
        seeds.put("signature-flipped", flip(valid, valid.length - 1));
        seeds.put("ciphertext-flipped", flip(valid, GroupMessageFormat.HEADER_BYTES + 1));
        seeds.put("kind-1", flip(valid, 1));
        seeds.put("truncated", Arrays.copyOf(valid, GroupMessageFormat.MIN_BYTES - 1));
        return seeds;
    }

    private static byte[] flip(byte[] bytes, int index) {
        byte[] out = bytes.clone();
        out[index] ^= 0x05;
        return out;
    }

    private static SenderKeyChain sender() {
        return SenderKeyChain.owned(CHAIN_KEY, 0, SIGNING);
    }

    private static SenderKeyChain receiver() {
        return SenderKeyChain.fromDistribution(CHAIN_KEY, 0, SIGNING.publicKey());
    }
}

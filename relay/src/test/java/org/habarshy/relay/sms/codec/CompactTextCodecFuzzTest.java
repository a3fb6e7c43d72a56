package org.habarshy.relay.sms.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.habarshy.core.testing.SeedCorpus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link CompactTextCodec#decode}: the plaintext of a compact SMS message (docs/PROTOCOL.md 9.2), with its
 * preset-dictionary inflater, read after the message opened. The only documented failure is
 * {@link MalformedSmsException}; decoded text has at most {@link CompactTextCodec#MAX_TEXT_BYTES} characters.
 */
@Tag("jazzer")
class CompactTextCodecFuzzTest {
    private static final CompactTextCodec CODEC = new CompactTextCodec(new SmsCharset(),
            CompressionDictionaries.builtIn());

    @FuzzTest
    void decode(byte[] encoded) {
        String text;
        try {
            text = CODEC.decode(encoded);
        } catch (MalformedSmsException rejected) {
            return;
        }
        if (text.length() > CompactTextCodec.MAX_TEXT_BYTES) {
            throw new AssertionError("decoded text longer than the limit");
        }
    }

    @Test
    void seedCorpusMatchesItsRecipe() throws Exception {
        SeedCorpus.check(CompactTextCodecFuzzTest.class, "decode", seeds());
    }

    /** Encodings of real texts in each language, and damaged ones. */
    static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("kazakh", CODEC.encode("Сәлем! Ертең сағат онда алаңда кездесейік, байланыс жоқ."));
        seeds.put("russian", CODEC.encode("Привет! Связи нет, встречаемся завтра в десять у школы."));
        seeds.put("english", CODEC.encode("Hi, no network here. Meet tomorrow at ten by the school."));
        byte[] truncated = CODEC.encode("Сәлем! Ертең сағат онда алаңда кездесейік.");
        seeds.put("truncated", java.util.Arrays.copyOf(truncated, truncated.length / 2));
        seeds.put("unknown-format", new byte[] {(byte) 0xFF, 1, 2, 3});
        seeds.put("empty", new byte[0]);
        return seeds;
    }
}

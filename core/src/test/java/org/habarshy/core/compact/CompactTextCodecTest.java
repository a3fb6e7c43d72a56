package org.habarshy.core.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.Deflater;
import org.habarshy.core.testing.SmsCorpus;
import org.junit.jupiter.api.Test;

class CompactTextCodecTest {
    private final SmsCharset charset = new SmsCharset();
    private final CompactTextCodec codec = new CompactTextCodec(charset, CompressionDictionaries.builtIn());

    @Test
    void everyCorpusMessageRoundTripsAndShrinks() throws Exception {
        for (String language : SmsCorpus.LANGUAGES) {
            for (String m : SmsCorpus.messages(language)) {
                byte[] encoded = codec.encode(m);
                assertThat(codec.decode(encoded)).isEqualTo(m);
                assertThat(encoded.length).as(m).isLessThan(m.getBytes(StandardCharsets.UTF_8).length * 3 / 4);
            }
        }
    }

    @Test
    void charactersOutsideTheTableAreEscapedLosslessly() throws Exception {
        String text = "Сәлем 👋 café Ølborg ½ \u0000 tab\tline\nҺһІі «ok» — №5 ₸";
        assertThat(codec.decode(codec.encode(text))).isEqualTo(text);
        assertThat(charset.decode(charset.encode(text))).isEqualTo(text);
    }

    @Test
    void everyKazakhLetterHasOneByte() {
        assertThat(charset.encode("әғқңөұүһіӘҒҚҢӨҰҮҺІ")).hasSize(18);
    }

    @Test
    void lowerCaseCyrillicUsesEightBitFixedHuffmanLiterals() {
        for (byte b : charset.encode(SmsCharset.LOWER)) {
            assertThat(b & 0xFF).isLessThan(144);
        }
    }

    @Test
    void aDecompressionBombIsRefused() throws Exception {
        byte[] zeros = new byte[1 << 20];
        java.util.Arrays.fill(zeros, (byte) 'a');
        byte[] dictionary = CompressionDictionaries.builtIn().encoded(charset).get(0);
        Deflater deflater = new Deflater(9, true);
        deflater.setDictionary(dictionary);
        deflater.setInput(zeros);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x02);
        byte[] buf = new byte[4096];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(2048);
        assertThatThrownBy(() -> codec.decode(bomb)).isInstanceOf(MalformedCompactTextException.class)
                .hasMessageContaining("expands beyond");
    }

    @Test
    void malformedInputsGetClearErrors() {
        assertThatThrownBy(() -> codec.decode(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> codec.decode(new byte[] {0x10, 'a'})).hasMessageContaining("content type");
        assertThatThrownBy(() -> codec.decode(new byte[] {0x0F, 'a'})).hasMessageContaining("method");
        assertThatThrownBy(() -> codec.decode(new byte[] {0x00, (byte) 0xC3})).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> codec.decode(new byte[] {0x01, (byte) 0xF0})).hasMessageContaining("unassigned");
        assertThatThrownBy(() -> codec.decode(new byte[] {0x01, (byte) 0xFF})).hasMessageContaining("escape");
        assertThatThrownBy(() -> codec.decode(new byte[] {0x01, (byte) 0xFF, (byte) 0xC3, 0x28}))
                .hasMessageContaining("escaped");
        assertThatThrownBy(() -> codec.decode(new byte[] {0x02, (byte) 0xFF, (byte) 0xFF}))
                .isInstanceOf(MalformedCompactTextException.class);
        byte[] good = codec.encode("Сәлем, қалайсың? Бәрі жақсы ма?");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 2);
        assertThatThrownBy(() -> codec.decode(truncated)).isInstanceOf(MalformedCompactTextException.class);
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> codec.decode(trailing)).isInstanceOf(MalformedCompactTextException.class);
    }

    @Test
    void emptyAndOversizedTextsAreRefused() {
        assertThatThrownBy(() -> codec.encode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.encode("x".repeat(CompactTextCodec.MAX_TEXT_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The dictionaries are part of the protocol: any change must be a new method, never an edit. */
    @Test
    void dictionariesAreFrozen() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String name : CompressionDictionaries.RESOURCES) {
            try (InputStream in = CompressionDictionaries.class.getResourceAsStream(name)) {
                sha.update(in.readAllBytes());
            }
        }
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(FROZEN_DICTIONARIES_SHA256);
    }

    /** Keeps the benchmark honest: no corpus message is copied into a dictionary (no shared run of 24 chars). */
    @Test
    void dictionariesDoNotContainTheBenchmarkCorpus() throws IOException {
        for (int i = 0; i < SmsCorpus.LANGUAGES.size(); i++) {
            String dictionary;
            try (InputStream in = CompressionDictionaries.class
                    .getResourceAsStream(CompressionDictionaries.RESOURCES.get(i))) {
                dictionary = new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase();
            }
            for (String m : SmsCorpus.messages(SmsCorpus.LANGUAGES.get(i))) {
                String lower = m.toLowerCase();
                for (int at = 0; at + 24 <= lower.length(); at++) {
                    assertThat(dictionary).doesNotContain(lower.substring(at, at + 24));
                }
            }
        }
    }

    private static final String FROZEN_DICTIONARIES_SHA256 =
            "c5c81e971811cea5bfb8a7beeff3b96899cfceaa13fae5425a34984ad0eb9b25";
}

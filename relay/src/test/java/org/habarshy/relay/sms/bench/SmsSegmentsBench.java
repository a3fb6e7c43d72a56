package org.habarshy.relay.sms.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.CompactSealer;
import org.habarshy.core.testing.SmsCorpus;
import org.habarshy.core.compact.CompactTextCodec;
import org.habarshy.core.compact.CompressionDictionaries;
import org.habarshy.core.compact.SmsCharset;
import org.habarshy.relay.sms.segment.SmsSegmenter;

/**
 * Segments per message for the fixed corpus: plain SMS (GSM 7-bit or UCS-2) against the compact sealed message.
 * Prints a Markdown table for docs/BENCHMARKS.md. Sizes are deterministic (up to the zlib version), so this is a
 * measurement, not a timing benchmark. The command is in docs/BENCHMARKS.md ("SMS segments per message");
 * {@code -v} also prints each message's sizes.
 */
public final class SmsSegmentsBench {
    private SmsSegmentsBench() {
    }

    /** Prints the table. */
    public static void main(String[] args) {
        CompactTextCodec codec = new CompactTextCodec(new SmsCharset(), CompressionDictionaries.builtIn());
        SecureRandom random = new SecureRandom();
        CompactSealer sealer = new CompactSealer(AgreementKeyPair.generate(random), random);
        AgreementKeyPair recipient = AgreementKeyPair.generate(random);
        StringBuilder out = new StringBuilder();
        out.append("| language | messages | UTF-8 bytes (mean) | plain SMS 1/2/3/4+ | compact text bytes min/mean/max"
                + " | sealed bytes min/mean/max | sealed SMS 1/2/3+ | without dictionary: sealed SMS 1/2/3+ |"
                + " v1 envelope (194 + UTF-8 bytes, at least) SMS 3/4/5+ |"
                + "\n|---|---|---|---|---|---|---|---|---|\n");
        SmsCharset charset = new SmsCharset();
        boolean verbose = args.length > 0 && args[0].equals("-v");
        for (String language : SmsCorpus.LANGUAGES) {
            List<String> messages = SmsCorpus.messages(language);
            int[] plain = new int[5];
            int[] sealed = new int[4];
            int[] noDictionary = new int[4];
            int[] envelope = new int[6];
            long utf8 = 0;
            int textMin = Integer.MAX_VALUE;
            int textMax = 0;
            long textSum = 0;
            for (String m : messages) {
                utf8 += m.getBytes(StandardCharsets.UTF_8).length;
                plain[Math.min(4, SmsCorpus.plainSegments(m))]++;
                byte[] text = codec.encode(m);
                byte[] message = sealer.seal(recipient.publicKey(), text, System.currentTimeMillis(), 168);
                textMin = Math.min(textMin, text.length);
                textMax = Math.max(textMax, text.length);
                textSum += text.length;
                sealed[Math.min(3, SmsSegmenter.segmentsFor(message.length))]++;
                int bare = 1 + 32 + Math.min(charset.encode(m).length, deflate(charset.encode(m)).length);
                noDictionary[Math.min(3, SmsSegmenter.segmentsFor(bare))]++;
                int v1 = 194 + m.getBytes(StandardCharsets.UTF_8).length;
                envelope[Math.max(3, Math.min(5, SmsSegmenter.segmentsFor(v1)))]++;
                if (verbose) {
                    System.out.printf("%s %3d %3d method=%d %s%n", language, text.length, message.length,
                            text[0] & 0x0F, m.substring(0, 30));
                }
            }
            int n = messages.size();
            out.append(String.format("| %s | %d | %d | %d/%d/%d/%d | %d/%d/%d | %d/%d/%d | %d/%d/%d | %d/%d/%d"
                    + " | %d/%d/%d |%n", language, n,
                    utf8 / n, plain[1], plain[2], plain[3], plain[4], textMin, textSum / n, textMax,
                    textMin + 32, textSum / n + 32, textMax + 32, sealed[1], sealed[2], sealed[3],
                    noDictionary[1], noDictionary[2], noDictionary[3], envelope[3], envelope[4], envelope[5]));
        }
        System.out.print(out);
    }

    private static byte[] deflate(byte[] input) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION, true);
        deflater.setInput(input);
        deflater.finish();
        byte[] buffer = new byte[input.length * 2 + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, n);
    }
}

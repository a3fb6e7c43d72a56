package org.habarshy.relay.sms.segment;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.habarshy.core.testing.SeedCorpus;
import org.habarshy.relay.sms.codec.MalformedSmsException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link SmsSegment#part()}, the user data header (UDH) walk of every received SMS: the input's first byte
 * says whether the SMS has the UDHI flag (bit 0), the rest (cut to 1..140 bytes, as a gateway delivers) is the user
 * data. The only documented failure is {@link MalformedSmsException}; a part must be self-consistent.
 */
@Tag("jazzer")
class SmsSegmentFuzzTest {
    @FuzzTest
    void part(byte[] input) {
        if (input.length < 2) {
            return;
        }
        boolean header = (input[0] & 1) != 0;
        byte[] userData = Arrays.copyOfRange(input, 1, Math.min(input.length, 1 + SmsSegment.MAX_USER_DATA));
        SmsSegment.Part part;
        try {
            part = new SmsSegment(userData, header).part();
        } catch (MalformedSmsException rejected) {
            return;
        }
        if (part.payload().length > userData.length) {
            throw new AssertionError("payload longer than the user data");
        }
        if (part.reference() < -1 || part.reference() > 0xFFFF || part.total() < 1 || part.total() > 255
                || part.index() < 1 || part.index() > part.total()) {
            throw new AssertionError("inconsistent part " + part.reference() + " " + part.index() + "/" + part.total());
        }
        if (!header && !Arrays.equals(part.payload(), userData)) {
            throw new AssertionError("an SMS without UDHI lost bytes");
        }
    }

    @Test
    void seedCorpusMatchesItsRecipe() throws Exception {
        SeedCorpus.check(SmsSegmentFuzzTest.class, "part", seeds());
    }

    /** UDHI flag byte, then user data: real concatenation headers and broken ones. */
    static Map<String, byte[]> seeds() {
        HexFormat hex = HexFormat.of();
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("single-no-header", hex.parseHex("00" + "48656c6c6f"));
        seeds.put("concat-8bit-2-of-3", hex.parseHex("01" + "050003a70302" + "00".repeat(134)));
        seeds.put("concat-16bit-1-of-2", hex.parseHex("01" + "06080412340201" + "ab".repeat(20)));
        seeds.put("other-element-then-concat", hex.parseHex("01" + "0a" + "0a03000102" + "000344" + "0201" + "ff"));
        seeds.put("header-only-no-concat", hex.parseHex("01" + "0424020000" + "cafe"));
        seeds.put("udhl-longer-than-sms", hex.parseHex("01" + "ff0003010101"));
        seeds.put("element-overruns-header", hex.parseHex("01" + "0300090102"));
        seeds.put("index-zero", hex.parseHex("01" + "0500030102" + "00" + "99"));
        seeds.put("index-above-total", hex.parseHex("01" + "050003010203" + "99"));
        seeds.put("total-zero", hex.parseHex("01" + "050003010001" + "99"));
        seeds.put("too-long-141", hex.parseHex("00" + "11".repeat(141)));
        return seeds;
    }
}

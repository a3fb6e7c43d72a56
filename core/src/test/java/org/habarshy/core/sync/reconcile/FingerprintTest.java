package org.habarshy.core.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;
import org.junit.jupiter.api.Test;

/** Expected values computed independently with Python's hashlib and int. */
class FingerprintTest {
    private static String fingerprintHex(SortedItems items) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(Fingerprint.compute(items.sum(0, items.size()), sha256).bytes());
    }

    @Test
    void fingerprintOfTheEmptySetHashesZeroSumAndZeroCount() throws Exception {
        // sha256(bytes(32) + b'\x00')[:16]
        assertThat(fingerprintHex(SortedItems.EMPTY)).isEqualTo("7f9c9e31ac8256ca2f258583df262dbc");
    }

    @Test
    void fingerprintHashesTheLittleEndianSumAndTheVarintCount() throws Exception {
        byte[] ascending = new byte[32];
        for (int i = 0; i < 32; i++) {
            ascending[i] = (byte) i;
        }
        byte[] allOnes = new byte[32];
        java.util.Arrays.fill(allOnes, (byte) 0xFF);
        SortedItems items = SortedItems.of(List.of(new Item(5, new EnvelopeId(ascending)),
                new Item(9, new EnvelopeId(allOnes))));
        assertThat(fingerprintHex(items)).isEqualTo("6df9c5a6d1309bb133a57b833717139f");
    }

    @Test
    void countAbove127IsAMultiByteVarint() throws Exception {
        // 300 copies of the zero id cannot exist in a set, so sum 300 ids that cancel out in pairs
        // except for the count: x and 2^256 - x sum to zero.
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            byte[] x = new byte[32];
            x[0] = (byte) i;
            x[1] = (byte) (i >> 8);
            byte[] minusX = negate(x);
            items.add(new Item(i, new EnvelopeId(x)));
            items.add(new Item(i, new EnvelopeId(minusX)));
        }
        // sha256(bytes(32) + b'\xac\x02')[:16]
        assertThat(fingerprintHex(SortedItems.of(items))).isEqualTo("f55578068ea426fb2b520509add4ea07");
    }

    private static byte[] negate(byte[] littleEndian) {
        byte[] out = new byte[32];
        int carry = 1;
        for (int i = 0; i < 32; i++) {
            int v = (~littleEndian[i] & 0xFF) + carry;
            out[i] = (byte) v;
            carry = v >> 8;
        }
        return out;
    }
}

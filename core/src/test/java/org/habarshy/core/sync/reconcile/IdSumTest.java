package org.habarshy.core.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.habarshy.core.api.message.EnvelopeId;
import org.junit.jupiter.api.Test;

class IdSumTest {
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);

    @Test
    void addsWithCarryAcrossAllLimbsAndWrapsModulo2To256() {
        byte[] ascending = new byte[32];
        for (int i = 0; i < 32; i++) {
            ascending[i] = (byte) i;
        }
        byte[] allOnes = new byte[32];
        java.util.Arrays.fill(allOnes, (byte) 0xFF);
        IdSum sum = IdSum.of(new Item(0, new EnvelopeId(ascending)))
                .plus(IdSum.of(new Item(0, new EnvelopeId(allOnes))));

        // ascending + (2^256 - 1) = ascending - 1 (mod 2^256); computed with Python's int.
        assertThat(HexFormat.of().formatHex(sum.toLittleEndian()))
                .isEqualTo("ff0002030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertThat(sum.count()).isEqualTo(2);
    }

    @Test
    void rangeSumsOfSortedItemsMatchBigIntegerArithmetic() {
        SplittableRandom random = new SplittableRandom(7);
        List<Item> items = TestItems.random(random, 300, 50, 0, java.util.Set.of());
        SortedItems sorted = SortedItems.of(items);
        for (int trial = 0; trial < 200; trial++) {
            int from = random.nextInt(sorted.size() + 1);
            int to = from + random.nextInt(sorted.size() - from + 1);
            BigInteger expected = BigInteger.ZERO;
            for (int i = from; i < to; i++) {
                expected = expected.add(littleEndian(sorted.item(i).idBytes()));
            }
            IdSum sum = sorted.sum(from, to);
            assertThat(littleEndian(sum.toLittleEndian())).isEqualTo(expected.mod(MOD));
            assertThat(sum.count()).isEqualTo(to - from);
        }
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length + 1];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[bytes.length - i] = bytes[i];
        }
        return new BigInteger(bigEndian);
    }

    @Test
    void emptyRangeIsZero() {
        assertThat(SortedItems.EMPTY.sum(0, 0).toLittleEndian()).isEqualTo(new byte[32]);
        assertThat(IdSum.ZERO.count()).isZero();
    }
}

package org.habarshy.core.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habarshy.core.sync.reconcile.TestItems.itemWithPrefix;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoundTest {
    @Test
    void betweenDifferentTimestampsNeedsNoPrefix() {
        Bound bound = Bound.between(itemWithPrefix(10, 9, 9), itemWithPrefix(11, 1));
        assertThat(bound.timestamp()).isEqualTo(11);
        assertThat(bound.prefix()).isEmpty();
    }

    @Test
    void betweenEqualTimestampsTakesOneByteMoreThanTheSharedPrefix() {
        Bound bound = Bound.between(itemWithPrefix(10, 1, 2, 3), itemWithPrefix(10, 1, 2, 7));
        assertThat(bound.prefix()).containsExactly(1, 2, 7);
    }

    @Test
    void betweenIsAboveThePreviousAndAtOrBelowTheNextForRandomNeighbours() {
        SplittableRandom random = new SplittableRandom(3);
        List<Item> items = TestItems.random(random, 2000, 20, 2, Set.of());
        SortedItems sorted = SortedItems.of(items);
        for (int i = 1; i < sorted.size(); i++) {
            Item prev = sorted.item(i - 1);
            Item next = sorted.item(i);
            Bound bound = Bound.between(prev, next);
            assertThat(bound.compareTo(prev)).isPositive();
            assertThat(bound.compareTo(next)).isNotPositive();
            assertThat(sorted.lowerBound(bound)).isEqualTo(i);
        }
    }

    @Test
    void prefixesCompareAsIfPaddedWithZeros() {
        Bound shortPrefix = Bound.of(5, new byte[] {1});
        Bound padded = Bound.of(5, new byte[] {1, 0, 0});
        assertThat(shortPrefix).isEqualTo(padded).hasSameHashCodeAs(padded);
        assertThat(shortPrefix.compareTo(itemWithPrefix(5, 1))).isZero();
        assertThat(shortPrefix.compareTo(itemWithPrefix(5, 1, 0, 0, 1))).isNegative();
        assertThat(shortPrefix.compareTo(itemWithPrefix(5, 0, 0xFF))).isPositive();
    }

    @Test
    void infinityIsAfterEveryItemAndMinIsAtTheFirstPossibleItem() {
        assertThat(Bound.INFINITY.compareTo(itemWithPrefix(Item.MAX_TIMESTAMP, 0xFF))).isPositive();
        assertThat(Bound.MIN.compareTo(itemWithPrefix(0))).isZero();
        assertThat(Bound.MIN.compareTo(Bound.INFINITY)).isNegative();
    }

    @Test
    void rejectsOutOfRangeParts() {
        assertThatThrownBy(() -> Bound.of(-1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bound.of(Long.MAX_VALUE, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bound.of(0, new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> itemWithPrefix(Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }
}

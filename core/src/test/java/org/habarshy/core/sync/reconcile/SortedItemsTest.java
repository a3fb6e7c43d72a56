package org.habarshy.core.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.core.sync.reconcile.TestItems.item;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SortedItemsTest {
    @Test
    void sortsByTimestampThenIdAndDropsDuplicates() {
        SortedItems items = SortedItems.of(List.of(item(5, 2), item(3, 9), item(5, 1), item(3, 9)));
        assertThat(items.size()).isEqualTo(3);
        assertThat(List.of(items.item(0), items.item(1), items.item(2)))
                .containsExactly(item(3, 9), item(5, 1), item(5, 2));
    }

    @Test
    void idsCompareUnsigned() {
        SortedItems items = SortedItems.of(List.of(item(1, 0x80), item(1, 0x7F)));
        assertThat(items.item(0)).isEqualTo(item(1, 0x7F));
    }

    @Test
    void lowerBoundFindsTheFirstItemAtOrAfterTheBound() {
        SortedItems items = SortedItems.of(List.of(item(1, 1), item(2, 1), item(2, 5), item(4, 0)));
        assertThat(items.lowerBound(Bound.MIN)).isZero();
        assertThat(items.lowerBound(Bound.at(item(2, 1)))).isEqualTo(1);
        assertThat(items.lowerBound(Bound.at(item(2, 2)))).isEqualTo(2);
        assertThat(items.lowerBound(Bound.of(3, new byte[0]))).isEqualTo(3);
        assertThat(items.lowerBound(Bound.INFINITY)).isEqualTo(4);
        assertThat(items.contains(item(2, 5))).isTrue();
        assertThat(items.contains(item(2, 4))).isFalse();
    }

    @Test
    void mergeEqualsBuildingFromTheUnion() {
        SplittableRandom random = new SplittableRandom(11);
        List<Item> first = TestItems.random(random, 500, 30, 0, Set.of());
        List<Item> second = TestItems.random(random, 200, 30, 0, new TreeSet<>(first));
        SortedItems merged = SortedItems.of(first).merge(second);
        List<Item> union = new ArrayList<>(first);
        union.addAll(second);
        SortedItems expected = SortedItems.of(union);
        assertThat(merged.size()).isEqualTo(expected.size());
        for (int i = 0; i < merged.size(); i++) {
            assertThat(merged.item(i)).isEqualTo(expected.item(i));
        }
        assertThat(merged.sum(0, merged.size()).toLittleEndian())
                .isEqualTo(expected.sum(0, expected.size()).toLittleEndian());
    }
}

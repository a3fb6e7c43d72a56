package org.habarshy.core.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LocalViewTest {
    @Test
    void ranksCursorsAndSumsSeeStoredItemsAndExtrasMerged() {
        SplittableRandom random = new SplittableRandom(5);
        List<Item> stored = TestItems.random(random, 400, 40, 0, Set.of());
        List<Item> extras = TestItems.random(random, 120, 40, 0, new TreeSet<>(stored));
        LocalView view = new LocalView(SortedItems.of(stored));
        extras.forEach(view::addExtra);
        view.commit();
        List<Item> union = new ArrayList<>(stored);
        union.addAll(extras);
        SortedItems expected = SortedItems.of(union);

        for (int trial = 0; trial < 100; trial++) {
            int a = random.nextInt(expected.size());
            int b = a + random.nextInt(expected.size() - a);
            Bound lower = a == 0 ? Bound.MIN : Bound.between(expected.item(a - 1), expected.item(a));
            Bound upper = b + 1 < expected.size()
                    ? Bound.between(expected.item(b), expected.item(b + 1)) : Bound.INFINITY;
            LocalView.Span span = view.span(lower, upper);
            assertThat(span.count()).isEqualTo(b + 1 - a);
            LocalView.Cursor cursor = view.cursor(span);
            for (int rank = 0; rank < span.count(); rank++) {
                assertThat(view.itemAt(span, rank)).isEqualTo(expected.item(a + rank));
                assertThat(cursor.peek()).isEqualTo(expected.item(a + rank));
                cursor.advance();
            }
            assertThat(cursor.peek()).isNull();
            assertThat(view.sum(span).toLittleEndian()).isEqualTo(expected.sum(a, b + 1).toLittleEndian());
        }
        assertThat(view.isExtra(extras.get(0))).isTrue();
        assertThat(view.holdsReal(extras.get(0))).isFalse();
        assertThat(view.contains(extras.get(0))).isTrue();
        assertThat(view.holdsReal(stored.get(0))).isTrue();
    }
}

package org.habarshy.core.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * For any two sets and any valid parameters on each side, the protocol ends with each side knowing
 * exactly the other's extra items, reports no id twice, keeps every message within its sender's
 * budget, and ends within a bounded number of messages.
 */
class ReconcilePropertiesTest {
    /** Two sets built from a shared part and a part only on each side, plus each side's parameters. */
    record Scenario(long seed, int common, int onlyA, int onlyB, long spread, int sharedPrefix,
            ReconcileParameters parametersA, ReconcileParameters parametersB) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Integer> common = Arbitraries.integers().between(0, 2_000);
        Arbitrary<Integer> only = Arbitraries.integers().between(0, 600);
        Arbitrary<Long> spread = Arbitraries.of(1L, 3L, 100L, 1_000_000L, 604_800_000L);
        Arbitrary<Integer> sharedPrefix = Arbitraries.of(0, 0, 1, 8, 28);
        return Combinators.combine(Arbitraries.longs(), common, only, only, spread, sharedPrefix, parameters(),
                parameters()).as(Scenario::new);
    }

    private static Arbitrary<ReconcileParameters> parameters() {
        return Combinators.combine(Arbitraries.of(1024, 1500, 4096, 65_536), Arbitraries.integers().between(2, 64),
                Arbitraries.integers().between(2, 16), Arbitraries.integers().between(1, 32)).as((budget, first,
                        split, threshold) -> fitting(budget, first, split, threshold));
    }

    /** Shrinks the requested shape until it fits the budget. */
    private static ReconcileParameters fitting(int budget, int first, int split, int threshold) {
        while (true) {
            try {
                return new ReconcileParameters(budget, first, split, threshold, 1 << 20);
            } catch (IllegalArgumentException e) {
                first = Math.max(2, first / 2);
                split = Math.max(2, split / 2);
                threshold = Math.max(1, threshold / 2);
            }
        }
    }

    @Property(tries = 200)
    void bothSidesEndUpKnowingTheUnion(@ForAll("scenarios") Scenario s) throws ReconcileException {
        SplittableRandom random = new SplittableRandom(s.seed());
        List<Item> common = TestItems.random(random, s.common(), s.spread(), s.sharedPrefix(), Set.of());
        List<Item> onlyA = TestItems.random(random, s.onlyA(), s.spread(), s.sharedPrefix(), new HashSet<>(common));
        Set<Item> taken = new HashSet<>(common);
        taken.addAll(onlyA);
        List<Item> onlyB = TestItems.random(random, s.onlyB(), s.spread(), s.sharedPrefix(), taken);
        List<Item> a = new ArrayList<>(common);
        a.addAll(onlyA);
        List<Item> b = new ArrayList<>(common);
        b.addAll(onlyB);
        int difference = s.onlyA() + s.onlyB();
        // Deep trees (split 2, threshold 1) and 1 KiB budgets need many messages; a livelock needs unboundedly many.
        int maxMessages = 64 + 2 * difference;

        ReconcileDriver.Run run = ReconcileDriver.run(SortedItems.of(a), s.parametersA(), SortedItems.of(b),
                s.parametersB(), maxMessages);

        assertThat(new TreeSet<>(run.haveA())).isEqualTo(new TreeSet<>(onlyA));
        assertThat(new TreeSet<>(run.needA())).isEqualTo(new TreeSet<>(onlyB));
        assertThat(new TreeSet<>(run.haveB())).isEqualTo(new TreeSet<>(onlyB));
        assertThat(new TreeSet<>(run.needB())).isEqualTo(new TreeSet<>(onlyA));
        assertThat(distinctIds(run.haveA(), run.needA())).isEqualTo(difference);
        assertThat(distinctIds(run.haveB(), run.needB())).isEqualTo(difference);
        assertThat(run.doneA()).isTrue();
        assertThat(run.doneB()).isTrue();
        assertThat(run.largestFromA()).isLessThanOrEqualTo(s.parametersA().messageBudget());
        assertThat(run.largestFromB()).isLessThanOrEqualTo(s.parametersB().messageBudget());
        if (difference == 0) {
            assertThat(run.messages()).isEqualTo(2);
        }
    }

    /** Returns the number of distinct ids reported, after checking none was reported twice. */
    private static int distinctIds(List<Item> have, List<Item> need) {
        Set<EnvelopeId> ids = new HashSet<>();
        for (Item item : have) {
            assertThat(ids.add(item.id())).as("reported twice: %s", item).isTrue();
        }
        for (Item item : need) {
            assertThat(ids.add(item.id())).as("reported twice: %s", item).isTrue();
        }
        return ids.size();
    }
}

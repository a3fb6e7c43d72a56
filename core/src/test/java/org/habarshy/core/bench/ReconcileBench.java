package org.habarshy.core.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.sync.reconcile.Item;
import org.habarshy.core.sync.reconcile.ReconcileDriver;
import org.habarshy.core.sync.reconcile.ReconcileException;
import org.habarshy.core.sync.reconcile.ReconcileParameters;
import org.habarshy.core.sync.reconcile.SortedItems;

/**
 * Measures set reconciliation between two in-memory stores of n items differing by d (half only in
 * A, half only in B): round trips, bytes each way and CPU time per side. Prints a Markdown table
 * for docs/BENCHMARKS.md. Options: {@code --n 10000,100000} {@code --d 1,100} {@code --seed 1}
 * {@code --runs 3} and the parameters {@code --budget --first-split --split --threshold}.
 */
public final class ReconcileBench {
    /** Envelopes live up to 7 days, so timestamps spread over a week. */
    private static final long WEEK_MS = 7L * 24 * 3600 * 1000;
    private static final long NOW_MS = 1_790_000_000_000L;

    private ReconcileBench() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws ReconcileException {
        int[] sizes = {10_000, 100_000, 1_000_000};
        int[] differences = {0, 1, 100, 10_000};
        long seed = 1;
        int runs = 3;
        ReconcileParameters d = ReconcileParameters.DEFAULT;
        int budget = d.messageBudget();
        int firstSplit = d.firstSplit();
        int split = d.split();
        int threshold = d.idListThreshold();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--n" -> sizes = ints(value);
                case "--d" -> differences = ints(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--budget" -> budget = Integer.parseInt(value);
                case "--first-split" -> firstSplit = Integer.parseInt(value);
                case "--split" -> split = Integer.parseInt(value);
                case "--threshold" -> threshold = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ReconcileParameters parameters = new ReconcileParameters(budget, firstSplit, split, threshold,
                ReconcileParameters.DEFAULT.maxDiscovered());
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MiB, %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, parameters);
        warmUp(parameters);
        System.out.println();
        System.out.println("| n | d | round trips | messages | bytes A→B | bytes B→A | largest message | "
                + "all ids (32·n) | CPU A ms | CPU B ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : sizes) {
            for (int difference : differences) {
                measure(n, difference, seed, runs, parameters);
            }
        }
    }

    private static void warmUp(ReconcileParameters parameters) throws ReconcileException {
        Stores stores = Stores.generate(20_000, 200, 99);
        for (int i = 0; i < 20; i++) {
            ReconcileDriver.run(stores.a, parameters, stores.b, parameters, 100_000);
        }
    }

    private static void measure(int n, int difference, long seed, int runs, ReconcileParameters parameters)
            throws ReconcileException {
        Stores stores = Stores.generate(n, difference, seed);
        ReconcileDriver.Run first = null;
        long[] cpuA = new long[runs];
        long[] cpuB = new long[runs];
        for (int r = 0; r < runs; r++) {
            ReconcileDriver.Run run = ReconcileDriver.run(stores.a, parameters, stores.b, parameters, 1_000_000);
            stores.check(run);
            cpuA[r] = run.cpuNanosA();
            cpuB[r] = run.cpuNanosB();
            first = first == null ? run : first;
        }
        System.out.printf(Locale.ROOT, "| %,d | %,d | %d | %d | %,d | %,d | %,d | %,d | %.1f | %.1f |%n", n, difference,
                first.roundTrips(), first.messages(), first.bytesFromA(), first.bytesFromB(),
                Math.max(first.largestFromA(), first.largestFromB()), 32L * n, median(cpuA) / 1e6,
                median(cpuB) / 1e6);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** Two stores: a shared part, ceil(d/2) items only in A and floor(d/2) only in B. */
    private static final class Stores {
        final SortedItems a;
        final SortedItems b;
        final Set<Item> onlyA;
        final Set<Item> onlyB;

        private Stores(SortedItems a, SortedItems b, Set<Item> onlyA, Set<Item> onlyB) {
            this.a = a;
            this.b = b;
            this.onlyA = onlyA;
            this.onlyB = onlyB;
        }

        static Stores generate(int n, int difference, long seed) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n * 31L + difference);
            int common = n - (difference + 1) / 2;
            List<Item> a = new ArrayList<>(n);
            List<Item> b = new ArrayList<>(n);
            Set<Item> onlyA = new HashSet<>();
            Set<Item> onlyB = new HashSet<>();
            for (int i = 0; i < common + difference; i++) {
                byte[] id = new byte[EnvelopeId.LENGTH];
                random.nextBytes(id);
                Item item = new Item(NOW_MS - random.nextLong(WEEK_MS), new EnvelopeId(id));
                if (i < common) {
                    a.add(item);
                    b.add(item);
                } else if (i < common + (difference + 1) / 2) {
                    a.add(item);
                    onlyA.add(item);
                } else {
                    b.add(item);
                    onlyB.add(item);
                }
            }
            return new Stores(SortedItems.of(a), SortedItems.of(b), onlyA, onlyB);
        }

        void check(ReconcileDriver.Run run) {
            if (!new HashSet<>(run.haveA()).equals(onlyA) || !new HashSet<>(run.needA()).equals(onlyB)
                    || !new HashSet<>(run.haveB()).equals(onlyB) || !new HashSet<>(run.needB()).equals(onlyA)) {
                throw new AssertionError("reconciliation found the wrong difference");
            }
        }
    }
}

package org.habarshy.core.sync.reconcile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a whole reconciliation between two in-memory sides, passing each message to the other side,
 * and records what crossed the wire, what each side discovered and the CPU time each side used.
 */
public final class ReconcileDriver {
    /**
     * The outcome of one run.
     *
     * @param messages        messages sent in total, both directions
     * @param bytesFromA      bytes A (the initiator) sent
     * @param bytesFromB      bytes B sent
     * @param largestFromA    size of the largest message A sent (likewise B)
     * @param haveA           what A reported as have, in report order (likewise below)
     * @param cpuNanosA       CPU time of A's calls (likewise B)
     */
    public record Run(int messages, long bytesFromA, long bytesFromB, int largestFromA, int largestFromB,
            List<Item> haveA,
            List<Item> needA, List<Item> haveB, List<Item> needB, long cpuNanosA, long cpuNanosB, boolean doneA,
            boolean doneB) {
        /** Returns round trips: messages divided by two, rounded up. */
        public int roundTrips() {
            return (messages + 1) / 2;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReconcileDriver() {
    }

    /** Reconciles {@code a} (initiator) with {@code b}; fails if more than {@code maxMessages} are needed. */
    public static Run run(ReconcileStorage a, ReconcileParameters pa, ReconcileStorage b, ReconcileParameters pb,
            int maxMessages) throws ReconcileException {
        long[] cpu = new long[2];
        Reconciler[] sides = {new Reconciler(a, pa), new Reconciler(b, pb)};
        List<List<Item>> have = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Item>> need = List.of(new ArrayList<>(), new ArrayList<>());
        long[] bytes = new long[2];
        long start = THREADS.getCurrentThreadCpuTime();
        byte[] message = sides[0].initiate();
        cpu[0] += THREADS.getCurrentThreadCpuTime() - start;
        int messages = 1;
        bytes[0] += message.length;
        int[] largest = {message.length, 0};
        int receiver = 1;
        while (true) {
            start = THREADS.getCurrentThreadCpuTime();
            Reconciler.Result result = sides[receiver].reconcile(message);
            cpu[receiver] += THREADS.getCurrentThreadCpuTime() - start;
            have.get(receiver).addAll(result.have());
            need.get(receiver).addAll(result.need());
            if (result.outgoing().isEmpty()) {
                if (!result.done()) {
                    throw new AssertionError("no message to send but not done");
                }
                break;
            }
            message = result.outgoing().get();
            messages++;
            if (messages > maxMessages) {
                throw new AssertionError("no convergence within " + maxMessages + " messages");
            }
            bytes[receiver] += message.length;
            largest[receiver] = Math.max(largest[receiver], message.length);
            receiver = 1 - receiver;
        }
        return new Run(messages, bytes[0], bytes[1], largest[0], largest[1], have.get(0), need.get(0), have.get(1),
                need.get(1), cpu[0], cpu[1], sides[0].isDone(), sides[1].isDone());
    }
}

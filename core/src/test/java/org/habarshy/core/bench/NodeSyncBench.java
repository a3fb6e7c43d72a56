package org.habarshy.core.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.node.NodeStatus;
import org.habarshy.core.store.EnvelopeTotals;

/**
 * End-to-end sync between two real nodes ({@link Account} + {@link Node}, SQLite files in temporary
 * directories, TCP on loopback): node A holds N envelopes it queued with {@link Account#send} for a third
 * identity C, so B can only carry them; B then links to A (as with {@code --peer}) and the clock runs until B's
 * store holds all N, polled through {@link Node#currentStatus()}. This includes every SQLite commit on both
 * sides with {@code synchronous=FULL}, the Noise link, the sync session and B's trial decryption of each
 * envelope (which runs after storing, on B's crypto threads). A fresh pair of data directories per round.
 *
 * <p>Also reported: when B held its first envelope (link set-up, handshake, offers and the first request), and
 * the CPU time spent during the sync by the whole JVM (both nodes, the polling main thread, GC and JIT) and by
 * each thread group of both nodes ({@code habarshy-store}, {@code -io}, {@code -crypto}), per envelope. CPU time
 * depends much less than wall-clock time on what else runs on the machine; wall time well above the CPU time
 * of the store threads is time spent waiting, mostly for fsync.
 *
 * <p>Run: {@code scripts/bench-main.sh NodeSyncBench [--small N] [--large N] [--rounds R]}.
 */
public final class NodeSyncBench {
    private static final int LARGE_TEXT_BYTES = 65_536;
    private static final int SMALL_TEXT_BYTES = 50;
    private static final long POLL_MILLIS = 20;
    private static final long TIMEOUT_SECONDS = 600;

    private NodeSyncBench() {
    }

    private static final String[] THREAD_GROUPS = {"habarshy-store", "habarshy-io", "habarshy-crypto"};

    /**
     * One round: how long queueing took on A, how long B took to hold everything and to hold the first
     * envelope, and the CPU time both nodes (one JVM) spent during the sync: in total and per thread group.
     */
    record Round(int envelopes, long envelopeBytes, long queueNanos, long syncNanos, long firstNanos,
                 long processCpuNanos, Map<String, Long> threadCpuNanos) {
        double cpuMicrosPerEnvelope(long nanos) {
            return nanos / 1e3 / envelopes;
        }
    }

    public static void main(String[] args) throws Exception {
        int small = 2_000;
        int large = 200;
        int rounds = 2;
        for (int i = 0; i < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--small" -> small = value;
                case "--large" -> large = value;
                case "--rounds" -> rounds = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Logger.getLogger("").setLevel(Level.WARNING);
        System.out.printf(Locale.ROOT, "rounds=%d small=%d texts of %d B, large=%d texts of %d B%n",
                rounds, small, SMALL_TEXT_BYTES, large, LARGE_TEXT_BYTES);
        System.out.println("| envelopes | avg envelope | round | queue on A (Account.send) | sync A→B | first envelope at"
                + " | envelopes/s | MB/s | CPU µs/env: process | store | io | crypto |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int[] c : new int[][] {{small, SMALL_TEXT_BYTES}, {large, LARGE_TEXT_BYTES}}) {
            if (c[0] == 0) {
                continue;
            }
            for (int r = 1; r <= rounds; r++) {
                Round round = round(c[0], c[1]);
                System.out.printf(Locale.ROOT,
                        "| %,d | %,d B | %d | %.1f s (%,.0f/s) | %.2f s | %.2f s | %,.0f | %.2f | %,.0f | %,.0f | %,.0f | %,.0f |%n",
                        round.envelopes(), round.envelopeBytes() / round.envelopes(), r, round.queueNanos() / 1e9,
                        round.envelopes() * 1e9 / round.queueNanos(), round.syncNanos() / 1e9, round.firstNanos() / 1e9,
                        round.envelopes() * 1e9 / round.syncNanos(), round.envelopeBytes() * 1e3 / round.syncNanos(),
                        round.cpuMicrosPerEnvelope(round.processCpuNanos()),
                        round.cpuMicrosPerEnvelope(round.threadCpuNanos().get("habarshy-store")),
                        round.cpuMicrosPerEnvelope(round.threadCpuNanos().get("habarshy-io")),
                        round.cpuMicrosPerEnvelope(round.threadCpuNanos().get("habarshy-crypto")));
            }
        }
    }

    private static Round round(int count, int textBytes) throws Exception {
        Path root = Files.createTempDirectory("habarshy-sync-bench");
        Clock clock = Clock.systemUTC();
        NodeConfig loopback = new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
        try (Account a = Account.create(root.resolve("a"), "A", clock);
             Account b = Account.create(root.resolve("b"), "B", clock)) {
            try (Account c = Account.create(root.resolve("c"), "C", clock)) {
                a.addContact(c.contactCode(), "c");
            }
            String text = "x".repeat(textBytes);
            long queueStart = System.nanoTime();
            for (int i = 0; i < count; i++) {
                a.send("c", text);
            }
            long queueNanos = System.nanoTime() - queueStart;

            try (Node nodeA = Node.start(a, loopback); Node nodeB = Node.start(b, loopback)) {
                EnvelopeTotals held = nodeA.currentStatus().envelopes();
                if (held.held() != count) {
                    throw new IllegalStateException("A holds " + held.held() + " envelopes, expected " + count);
                }
                Map<String, Long> threadCpu0 = threadCpu();
                long processCpu0 = processCpu();
                long start = System.nanoTime();
                nodeB.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), nodeA.port()));
                long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
                long firstNanos = -1;
                NodeStatus status;
                while ((status = nodeB.currentStatus()).envelopes().held() < count) {
                    if (firstNanos < 0 && status.envelopes().held() > 0) {
                        firstNanos = System.nanoTime() - start;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("B holds only " + status.envelopes().held());
                    }
                    Thread.sleep(POLL_MILLIS);
                }
                long syncNanos = System.nanoTime() - start;
                long processCpuNanos = processCpu() - processCpu0;
                Map<String, Long> threadCpuNanos = threadCpu();
                threadCpuNanos.replaceAll((group, nanos) -> nanos - threadCpu0.get(group));
                if (firstNanos < 0) {
                    firstNanos = syncNanos;
                }
                if (status.envelopes().carriedBytes() != held.heldBytes()) {
                    throw new IllegalStateException("B carries " + status.envelopes().carriedBytes()
                            + " bytes, A held " + held.heldBytes());
                }
                return new Round(count, held.heldBytes(), queueNanos, syncNanos, firstNanos, processCpuNanos,
                        threadCpuNanos);
            }
        } finally {
            delete(root);
        }
    }

    /** Returns the CPU time of this JVM so far. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Returns the CPU time so far of the live threads of each group (by name prefix); threads that started
     * since an earlier call count from zero.
     */
    private static Map<String, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> sums = new HashMap<>();
        for (String group : THREAD_GROUPS) {
            sums.put(group, 0L);
        }
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            for (String group : THREAD_GROUPS) {
                if (info.getThreadName().startsWith(group)) {
                    long cpu = threads.getThreadCpuTime(info.getThreadId());
                    if (cpu > 0) {
                        sums.merge(group, cpu, Long::sum);
                    }
                }
            }
        }
        return sums;
    }

    private static void delete(Path root) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}

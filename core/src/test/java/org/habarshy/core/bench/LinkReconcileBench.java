package org.habarshy.core.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.habarshy.core.message.LinkSyncStorage;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.MessageStore;
import org.habarshy.core.sync.ReconcileSnapshot;

/**
 * Sync version 2 on a real link: two real nodes ({@link Account} + {@link Node}, SQLite files, Noise over
 * loopback TCP) whose stores hold {@code n} envelopes each and differ by {@code d} (d/2 real sealed envelopes
 * only on each side, queued with {@link Account#send}; the common rows are inserted into both database files
 * with plain JDBC before the nodes start, so they are never opened or sent). B dials A and, as the Noise
 * initiator, starts the reconciliation. Reported, from each session's "reconciled" log line: reconciliation
 * messages and payload bytes each way; and, from polling B's status: when B held its first new envelope and
 * when both held the union, counted from the dial.
 *
 * <p>Second part ({@code --snapshot}): how long {@link LinkSyncStorage#reconcileSnapshot()} takes to read n
 * offerable envelopes from the {@code envelopes_reconcile} covering index into memory, and the heap it holds.
 *
 * <p>Run: {@code scripts/bench-main.sh LinkReconcileBench [--n 10000,100000] [--d 100] [--snapshot 100000,1000000]
 * [--verbose]}; {@code --verbose} keeps the nodes' INFO log.
 */
public final class LinkReconcileBench {
    private static final long POLL_MILLIS = 10;
    private static final long TIMEOUT_SECONDS = 600;
    private static final long DAY = 24 * 3600 * 1000L;

    private LinkReconcileBench() {
    }

    /** A captured "link ... reconciled" log line of one session. */
    record Reconciled(boolean initiator, long envelopes, long toSend, long toReceive, long messagesOut, long bytesOut, long messagesIn,
                      long bytesIn, long atNanos) {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = {10_000, 100_000};
        int d = 100;
        int[] snapshots = {100_000, 1_000_000};
        boolean verbose = false;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--verbose" -> {
                    verbose = true;
                    i--;
                }
                case "--n" -> sizes = ints(args[i + 1]);
                case "--d" -> d = Integer.parseInt(args[i + 1]);
                case "--snapshot" -> snapshots = ints(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!verbose) {
            Logger.getLogger("").setLevel(Level.WARNING);
        }
        Logger sessionLog = Logger.getLogger("org.habarshy.core.sync.SyncSession");
        sessionLog.setLevel(Level.INFO);
        List<Reconciled> captured = new CopyOnWriteArrayList<>();
        sessionLog.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getMessage().contains("reconciled") && r.getParameters() != null) {
                    Object[] p = r.getParameters();
                    captured.add(new Reconciled("initiator".equals(p[8]), num(p[2]), num(p[1]), num(p[3]), num(p[4]), num(p[5]), num(p[6]),
                            num(p[7]), System.nanoTime()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        sessionLog.setUseParentHandlers(verbose);

        // A first, unreported round loads and compiles the link code (a cold JVM takes seconds under load).
        linkRound(2_000, d, captured, false);
        System.out.println("| n | d | messages B→A (initiator) | bytes B→A | messages A→B | bytes A→B | all ids (32·n) |"
                + " reconciled at | first envelope at | union on both at |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : sizes) {
            captured.clear();
            linkRound(n, d, captured, true);
        }
        if (snapshots.length > 0) {
            System.out.println();
            System.out.println("| n | snapshot from SQLite | heap held (approx.) |");
            System.out.println("|---:|---:|---:|");
            for (int n : snapshots) {
                snapshotRound(n);
            }
        }
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static void linkRound(int n, int d, List<Reconciled> captured, boolean report) throws Exception {
        Path root = Files.createTempDirectory("habarshy-reconcile-bench");
        Clock clock = Clock.systemUTC();
        NodeConfig loopback = new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
        try (Account a = Account.create(root.resolve("a"), "A", clock);
             Account b = Account.create(root.resolve("b"), "B", clock)) {
            try (Account c = Account.create(root.resolve("c"), "C", clock)) {
                a.addContact(c.contactCode(), "c");
                b.addContact(c.contactCode(), "c");
            }
            int common = n - d / 2;
            // The same ids with the same creation times on both sides: an envelope's id fixes its header.
            long now = clock.millis();
            insertCommon(root.resolve("a").resolve("habarshy.db"), common, now);
            insertCommon(root.resolve("b").resolve("habarshy.db"), common, now);
            for (int i = 0; i < d / 2; i++) {
                a.send("c", "only on A " + i);
                b.send("c", "only on B " + i);
            }
            // Progress is read through separate SQLite connections (WAL readers block no one): max(seq) grows by
            // one per stored envelope, so polling costs nothing on the nodes' store threads.
            try (Connection dbA = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("a").resolve("habarshy.db"));
                 Connection dbB = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("b").resolve("habarshy.db"));
                 Node nodeA = Node.start(a, loopback); Node nodeB = Node.start(b, loopback)) {
                long seqA = maxSeq(dbA);
                long seqB = maxSeq(dbB);
                long start = System.nanoTime();
                nodeB.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), nodeA.port()));
                long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
                long first = -1;
                while (true) {
                    long newB = maxSeq(dbB) - seqB;
                    long newA = maxSeq(dbA) - seqA;
                    if (first < 0 && newB > 0) {
                        first = System.nanoTime() - start;
                    }
                    if (newA >= d / 2 && newB >= d / 2) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("A got " + newA + ", B " + newB + ", expected " + d / 2);
                    }
                    Thread.sleep(POLL_MILLIS);
                }
                long all = System.nanoTime() - start;
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (captured.size() < 2 && System.nanoTime() < until) {
                    Thread.sleep(POLL_MILLIS);
                }
                if (!report) {
                    return;
                }
                Reconciled initiator = captured.stream().filter(Reconciled::initiator).findFirst()
                        .orElseThrow();
                long reconciled = captured.stream().mapToLong(Reconciled::atNanos).max().orElseThrow() - start;
                System.out.printf(Locale.ROOT, "| %,d | %d | %d | %,d | %d | %,d | %,d | %.3f s | %.3f s | %.3f s |%n",
                        n, d, initiator.messagesOut(), initiator.bytesOut(), initiator.messagesIn(),
                        initiator.bytesIn(), 32L * n, reconciled / 1e9, first / 1e9, all / 1e9);
            }
        } finally {
            delete(root);
        }
    }

    private static long maxSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(seq), 0) FROM envelopes");
             java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts {@code count} common rows (the same ids on every call) with plain JDBC, in one transaction. */
    private static void insertCommon(Path db, int count, long now) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        byte[] body = new byte[200];
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO envelopes (id, bytes, created_at, expires_at,"
                    + " hops, received_at) VALUES (?, ?, ?, ?, 1, ?)")) {
                for (int i = 0; i < count; i++) {
                    byte[] id = new byte[32];
                    for (int k = 0; k < 32; k += 8) {
                        long v = random.nextLong();
                        for (int j = 0; j < 8; j++) {
                            id[k + j] = (byte) (v >>> (8 * j));
                        }
                    }
                    long created = now - random.nextLong(6 * DAY);
                    ps.setBytes(1, id);
                    ps.setBytes(2, body);
                    ps.setLong(3, created);
                    ps.setLong(4, created + 7 * DAY);
                    ps.setLong(5, now);
                    ps.addBatch();
                    if (i % 10_000 == 9_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private static void snapshotRound(int n) throws Exception {
        Path root = Files.createTempDirectory("habarshy-snapshot-bench");
        try {
            Path file = root.resolve("habarshy.db");
            Database.open(file).close();
            insertCommon(file, n, Clock.systemUTC().millis());
            try (Database db = Database.open(file)) {
                LinkSyncStorage storage = new LinkSyncStorage(null, db, new EnvelopeStore(), new MessageStore(),
                        Clock.systemUTC());
                storage.reconcileSnapshot();
                long best = Long.MAX_VALUE;
                long heap = 0;
                for (int r = 0; r < 3; r++) {
                    System.gc();
                    long before = usedHeap();
                    long t0 = System.nanoTime();
                    ReconcileSnapshot snapshot = storage.reconcileSnapshot();
                    best = Math.min(best, System.nanoTime() - t0);
                    System.gc();
                    heap = usedHeap() - before;
                    if (snapshot.items().size() != n) {
                        throw new IllegalStateException("snapshot of " + snapshot.items().size());
                    }
                }
                System.out.printf(Locale.ROOT, "| %,d | %.0f ms | %.0f MB |%n", n, best / 1e6, heap / 1e6);
            }
        } finally {
            delete(root);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static int[] ints(String csv) {
        if (csv.isBlank()) {
            return new int[0];
        }
        return Stream.of(csv.split(",")).mapToInt(Integer::parseInt).toArray();
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

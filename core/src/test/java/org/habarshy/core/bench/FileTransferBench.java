package org.habarshy.core.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.habarshy.core.api.attachment.Attachment;
import org.habarshy.core.api.attachment.AttachmentState;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;

/**
 * Sends one file between two real nodes ({@link Account} + {@link Node}, SQLite files in temporary directories, TCP
 * on loopback, mDNS off, one JVM) and reports: the time to queue it ({@code Attachments.sendFiles}: read, hash,
 * one ratchet step and one sealed envelope per 192 KiB chunk, one transaction), the time from linking until the
 * receiver holds the whole file with its hash checked, and until the sender sees every envelope delivered (the
 * receipts came back). A fresh pair of data directories per round.
 *
 * <p>Run: {@code scripts/bench-main.sh FileTransferBench [--mib N] [--rounds R]}.
 */
public final class FileTransferBench {
    private static final long POLL_MILLIS = 10;
    private static final long TIMEOUT_MILLIS = 600_000;

    private FileTransferBench() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        int mib = 4;
        int rounds = 3;
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--mib" -> mib = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Logger.getLogger("").setLevel(Level.WARNING);
        Logger.getLogger("org.habarshy").setLevel(Level.WARNING);
        System.out.println("| round | file | chunks | queue | receiver complete | sender sees delivered | MiB/s to complete |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int round = 1; round <= rounds; round++) {
            round(round, mib);
        }
    }

    private static void round(int round, int mib) throws Exception {
        Path dir = Files.createTempDirectory("habarshy-file-bench");
        try {
            Clock clock = Clock.systemUTC();
            byte[] bytes = new byte[mib * 1024 * 1024];
            new SecureRandom().nextBytes(bytes);
            Path file = Files.write(dir.resolve("file.bin"), bytes);
            NodeConfig loopback = new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
            try (Account alice = Account.create(dir.resolve("alice"), "Alice", clock);
                 Account bob = Account.create(dir.resolve("bob"), "Bob", clock)) {
                alice.addContact(bob.contactCode(), "bob");
                bob.addContact(alice.contactCode(), "alice");
                long queueStart = System.nanoTime();
                Attachment sent = alice.attachments().sendFiles(alice.contact("bob"), List.of(file)).get(0);
                long queueNanos = System.nanoTime() - queueStart;
                try (Node aliceNode = Node.start(alice, loopback); Node bobNode = Node.start(bob, loopback)) {
                    long start = System.nanoTime();
                    bobNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), aliceNode.port()));
                    waitFor(() -> state(bob, Direction.INCOMING).map(a -> a.state() == AttachmentState.COMPLETE)
                            .orElse(false));
                    long complete = System.nanoTime() - start;
                    waitFor(() -> state(alice, Direction.OUTGOING).flatMap(Attachment::transfer)
                            .map(t -> t.state() == MessageState.DELIVERED).orElse(false));
                    long delivered = System.nanoTime() - start;
                    System.out.printf(Locale.ROOT, "| %d | %d MiB | %d | %.2f s | %.2f s | %.2f s | %.1f |%n", round,
                            mib, sent.chunkCount(), queueNanos / 1e9, complete / 1e9, delivered / 1e9,
                            mib / (complete / 1e9));
                }
            }
        } finally {
            delete(dir);
        }
    }

    private static Optional<Attachment> state(Account account, Direction direction) throws Exception {
        return account.attachments().list(Optional.empty()).stream().filter(a -> a.direction() == direction)
                .findFirst();
    }

    /** A condition polled every 10 ms. */
    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

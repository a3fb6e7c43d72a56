package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node running on a data directory notices a panic wipe started elsewhere (the wipe's marker file, or the
 * directory going away), drops its links and writes nothing there again.
 */
class WipeWatchTest {
    private static final Duration LIMIT = Duration.ofSeconds(15);

    @TempDir
    Path root;

    private static NodeConfig loopback(List<InetSocketAddress> peers) {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, peers, false);
    }

    @Test
    void reportsOnceWhenTheMarkerAppears() throws Exception {
        Path dir = Files.createDirectory(root.resolve("data"));
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch fired = new CountDownLatch(1);
        try (WipeWatch watch = WipeWatch.start(dir, () -> {
            calls.incrementAndGet();
            fired.countDown();
        })) {
            Files.writeString(dir.resolve("notes.txt"), "not a wipe");
            assertThat(watch.wiped()).isFalse();
            Files.createFile(dir.resolve(PanicWipe.MARKER_FILE));
            Files.delete(dir.resolve(PanicWipe.MARKER_FILE)); // a fast wipe removes it again at once

            assertThat(fired.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(watch.wiped()).isTrue();
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void theHousekeepingCheckReportsOnceWithoutTheWatchThread() throws Exception {
        Path dir = Files.createDirectory(root.resolve("unwatched"));
        AtomicInteger calls = new AtomicInteger();
        try (WipeWatch watch = WipeWatch.register(dir, calls::incrementAndGet)) { // never started
            assertThat(watch.check()).isFalse();
            Files.createFile(dir.resolve(PanicWipe.MARKER_FILE));
            assertThat(watch.check()).isTrue();
            Files.delete(dir.resolve(PanicWipe.MARKER_FILE));
            assertThat(watch.check()).as("a wipe once seen stays seen").isTrue();
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void reportsWhenTheDirectoryGoesAway() throws Exception {
        Path dir = Files.createDirectory(root.resolve("gone"));
        CountDownLatch fired = new CountDownLatch(1);
        try (WipeWatch watch = WipeWatch.start(dir, fired::countDown)) {
            Files.delete(dir);
            assertThat(fired.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(watch.wiped()).isTrue();
        }
    }

    @Test
    void aRunningNodeDropsItsLinksWhenItsDirectoryIsWiped() throws Exception {
        Path dir = root.resolve("alice");
        CountDownLatch fired = new CountDownLatch(1);
        try (Account alice = Account.create(dir, "Alice", Clock.systemUTC());
             Account bob = Account.create(root.resolve("bob"), "Bob", Clock.systemUTC());
             Node aliceNode = Node.start(alice, loopback(List.of()))) {
            aliceNode.onDataWiped(fired::countDown);
            try (Node bobNode = Node.start(bob, loopback(List.of(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), aliceNode.port()))))) {
                Await.until("the link is up", LIMIT, () -> aliceNode.linkCount() == 1 && bobNode.linkCount() == 1);

                PanicWipe.Report report = new PanicWipe(dir).wipe();

                assertThat(report.complete()).isTrue();
                assertThat(fired.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).as("the node noticed").isTrue();
                assertThat(aliceNode.dataWiped()).isTrue();
                Await.until("the peer lost its link", LIMIT, () -> bobNode.linkCount() == 0);
            }
        }
        assertThat(dir).as("closing the node and the account brought nothing back").doesNotExist();
    }

    @Test
    void writesNothingIntoAWipedDirectoryThatStays() throws Exception {
        Path dir = root.resolve("kept");
        CountDownLatch fired = new CountDownLatch(1);
        Path notes;
        try (Account alice = Account.create(dir, "Alice", Clock.systemUTC());
             Node node = Node.start(alice, loopback(List.of()))) {
            node.onDataWiped(fired::countDown);
            Await.until("the node wrote its status file", LIMIT,
                    () -> Files.exists(dir.resolve(StatusFile.FILE_NAME)));
            notes = Files.writeString(dir.resolve("notes.txt"), "someone else's");

            PanicWipe.Report report = new PanicWipe(dir).wipe();

            assertThat(report.directoryRemoved()).isFalse();
            assertThat(fired.await(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // One more housekeeping round would rewrite the status file if the node still used the directory.
            Thread.sleep(StatusFile.INTERVAL.toMillis() + 500);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(notes);
        }
    }
}

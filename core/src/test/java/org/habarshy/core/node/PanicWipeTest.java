package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.habarshy.core.identity.FileShredder;
import org.habarshy.core.identity.IdentityFile;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panic wipe leaves no Habarshy file and no directory, and what it overwrote holds nothing of the old bytes:
 * each file is read back between its overwrite and its deletion.
 */
class PanicWipeTest {
    private static final String TEXT = "Встреча в 19:00 у редакции, принеси диктофон";
    private static final char[] PASSPHRASE = "Жарық жоқ".toCharArray();

    @TempDir
    Path root;

    @Test
    void wipesTheKeysAndTheDatabaseAndRemovesTheDirectory() throws Exception {
        Path dir = root.resolve("alice");
        createWithAMessage(dir).close();
        Map<Path, byte[]> before = snapshot(dir);
        assertThat(before).containsKeys(dir.resolve(IdentityFile.FILE_NAME), dir.resolve(Account.DATABASE_FILE));
        List<Path> checked = new ArrayList<>();

        PanicWipe.Report report = new PanicWipe(dir, new FileShredder(), file -> {
            checked.add(file);
            assertOverwritten(file, before.get(file));
        }).wipe();

        assertThat(report.complete()).isTrue();
        assertThat(report.directoryRemoved()).isTrue();
        assertThat(report.wiped()).first().isEqualTo(dir.resolve(IdentityFile.FILE_NAME));
        assertThat(report.wiped()).containsExactlyInAnyOrderElementsOf(before.keySet()).isEqualTo(checked);
        assertThat(dir).doesNotExist();
        assertThatThrownBy(() -> Account.open(dir, Clock.systemUTC(), PASSPHRASE.clone()))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("no identity here");
    }

    @Test
    void completesWhileANodeIsRunningOnTheDirectory() throws Exception {
        Path dir = root.resolve("running");
        NodeConfig config = new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
        try (Account running = createWithAMessage(dir);
             Node node = Node.start(running, config)) {
            Await.until("the node wrote its status file", Duration.ofSeconds(10),
                    () -> Files.exists(dir.resolve(StatusFile.FILE_NAME)));
            Map<Path, byte[]> before = snapshot(dir);
            assertThat(before).containsKeys(dir.resolve(Account.DATABASE_FILE + "-wal"),
                    dir.resolve(Account.DATABASE_FILE + "-shm"), dir.resolve(StatusFile.FILE_NAME));

            PanicWipe.Report report = new PanicWipe(dir, new FileShredder(),
                    file -> assertOverwritten(file, before.getOrDefault(file, new byte[0]))).wipe();

            assertThat(report.complete()).isTrue();
            assertThat(report.wiped()).containsAll(before.keySet());
            assertThat(dir).doesNotExist();
            assertThatThrownBy(() -> running.send("bob", "after the wipe")).isInstanceOf(Exception.class);
            Thread.sleep(StatusFile.INTERVAL.toMillis() + 500);
        }
        assertThat(dir).as("the running node brought nothing back").doesNotExist();
    }

    @Test
    void leavesFilesItDidNotCreateAndThenTheDirectory() throws Exception {
        Path dir = root.resolve("mistaken");
        Account.create(dir, "Alice", Clock.systemUTC()).close();
        Path notes = Files.writeString(dir.resolve("notes.txt"), "someone else's");
        Files.write(dir.resolve(IdentityFile.FILE_NAME + ".tmp"), new byte[] {1, 2, 3});

        PanicWipe.Report report = new PanicWipe(dir).wipe();

        assertThat(report.complete()).isTrue();
        assertThat(report.directoryRemoved()).isFalse();
        assertThat(report.kept()).containsExactly(notes);
        assertThat(report.wiped()).contains(dir.resolve(IdentityFile.FILE_NAME + ".tmp"));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(notes);
        }
        assertThat(Files.readString(notes)).isEqualTo("someone else's");
    }

    @Test
    void aMissingDirectoryIsNothingToWipe() {
        PanicWipe.Report report = new PanicWipe(root.resolve("absent")).wipe();
        assertThat(report.complete()).isTrue();
        assertThat(report.directoryRemoved()).isTrue();
        assertThat(report.wiped()).isEmpty();
    }

    private static Account createWithAMessage(Path dir) throws Exception {
        Account alice = Account.create(dir, "Alice", Clock.systemUTC(), PASSPHRASE.clone());
        try (Account bob = Account.create(dir.resolveSibling(dir.getFileName() + "-bob"), "Bob", Clock.systemUTC())) {
            alice.addContact(bob.contactCode(), "bob");
        }
        alice.send("bob", TEXT);
        return alice;
    }

    private static Map<Path, byte[]> snapshot(Path dir) throws IOException {
        Map<Path, byte[]> files = new HashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.toList()) {
                files.put(file, Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** Checks that no trace of the old content is readable in {@code file} before it is unlinked. */
    private static void assertOverwritten(Path file, byte[] old) {
        byte[] now;
        try {
            now = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(now).as(file + " keeps its size").hasSizeGreaterThanOrEqualTo(old.length);
        assertThat(indexOf(now, TEXT.getBytes(StandardCharsets.UTF_8))).as(file + " holds the message").isNegative();
        assertThat(indexOf(now, "SQLite format 3".getBytes(StandardCharsets.UTF_8))).isNegative();
        int same = 0;
        for (int i = 0; i < old.length; i++) {
            same += now[i] == old[i] ? 1 : 0;
        }
        assertThat(same).as(file + ": bytes equal to the old ones (about 1 in 256 by chance)")
                .isLessThanOrEqualTo(8 + old.length / 64);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

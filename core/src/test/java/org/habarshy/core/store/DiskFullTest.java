package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habarshy.core.store.StoreFixtures.envelope;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.store.StoreException.Reason;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fills a tiny tmpfs under the database and checks the failure is reported as {@link Reason#DISK_FULL} and
 * leaves the file intact. Needs root (to mount); skipped otherwise.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    private final EnvelopeStore envelopes = new EnvelopeStore();

    @Test
    void fullDiskIsReportedAndNothingIsCorrupted() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("tiny"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString()),
                "needs root to mount a tiny tmpfs");
        try {
            fillAndRecover(mount);
        } finally {
            if (!run("umount", mount.toString())) {
                run("umount", "-l", mount.toString());
            }
        }
    }

    private void fillAndRecover(Path mount) throws Exception {
        Path file = mount.resolve("full.db");
        Path filler = mount.resolve("filler");
        try (Database db = Database.open(file)) {
            insertRange(db, 0, 10);
            fill(filler);

            assertThatThrownBy(() -> insertRange(db, 10, 60))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.DISK_FULL);
                        assertThat(e).hasMessage("the disk holding database file full.db is full;"
                                + " free some space and try again");
                    });
            assertThat(count(db)).as("earlier commits readable, failed one rolled back").isEqualTo(10);

            Files.delete(filler);
            insertRange(db, 10, 20);
            assertThat(count(db)).isEqualTo(20);
        }
        try (Database db = Database.open(file)) { // open runs quick_check
            assertThat(StoreFixtures.quickCheck(db)).containsExactly("ok");
            assertThat(count(db)).isEqualTo(20);
        }
    }

    private void insertRange(Database db, int from, int to) throws StoreException {
        db.write(t -> {
            for (int i = from; i < to; i++) {
                envelopes.insert(t, envelope(i, Long.MAX_VALUE, 4_000));
            }
            return null;
        });
    }

    private long count(Database db) throws StoreException {
        return db.read(t -> envelopes.count(t));
    }

    /** Writes to {@code filler} until the file system refuses. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException expected) {
            // No space left on device.
        }
        assertThat(Files.size(filler)).isPositive();
    }

    /** Runs a system command; false if it is missing or fails. */
    private static boolean run(String... command) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return false;
        }
        String output;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            output = e.toString();
        }
        boolean ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        if (!ok) {
            System.getLogger(DiskFullTest.class.getName()).log(System.Logger.Level.INFO,
                    "{0} failed: {1}", command[0], output.strip());
        }
        return ok;
    }
}

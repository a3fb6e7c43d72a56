package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habarshy.core.store.StoreFixtures.envelope;
import static org.habarshy.core.store.StoreFixtures.rawExec;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.Random;
import org.habarshy.core.store.StoreException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, foreign and too-new files are refused with clear messages. Damage inside the b-tree pages is
 * detected at {@link Database#open} by {@code PRAGMA quick_check}, before any store reads.
 */
class CorruptionTest {
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    @Test
    void randomGarbageIsCorrupt() throws Exception {
        Path file = dir.resolve("garbage.db");
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(file, garbage);
        assertCorrupt(file);
        assertThat(Files.readAllBytes(file)).as("left untouched").isEqualTo(garbage);
    }

    @Test
    void textFileIsCorrupt() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "shopping list: bread, tea, sugar\n".repeat(100));
        assertCorrupt(file);
    }

    @Test
    void overwrittenPagesInTheMiddleAreCorruptAtOpen() throws Exception {
        Path file = populated("damaged.db");
        long size = Files.size(file);
        assertThat(size).isGreaterThan(20L * PAGE);
        byte[] noise = new byte[PAGE];
        Random random = new Random(7);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (long page = size / PAGE / 3; page < 2 * size / PAGE / 3; page += 2) {
                random.nextBytes(noise);
                raf.seek(page * PAGE);
                raf.write(noise);
            }
        }
        assertCorrupt(file);
    }

    @Test
    void truncatedFileIsCorruptAtOpen() throws Exception {
        Path file = populated("truncated.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertCorrupt(file);
    }

    @Test
    void sqliteFileOfAnotherApplicationIsRefused() throws Exception {
        Path file = dir.resolve("other-app.db");
        rawExec(file, "CREATE TABLE recipes (name TEXT)", "INSERT INTO recipes VALUES ('soup')");
        assertCorrupt(file);
    }

    @Test
    void sqliteFileWithForeignApplicationIdIsRefused() throws Exception {
        Path file = dir.resolve("other-id.db");
        rawExec(file, "PRAGMA application_id = 1234", "PRAGMA user_version = 1");
        assertCorrupt(file);
    }

    @Test
    void schemaFromTheFutureIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("future.db");
        Database.open(file).close();
        rawExec(file, "PRAGMA user_version = 99");
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.IO);
                    assertThat(e).hasMessage("database file future.db was written by a newer version of Habarshy"
                            + " (schema 99, this version knows up to 2); upgrade Habarshy to open it");
                });
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(99);
        }
    }

    @Test
    void emptyFileIsTreatedAsANewDatabase() throws Exception {
        Path file = dir.resolve("empty.db");
        Files.createFile(file);
        try (Database db = Database.open(file)) {
            long count = db.read(t -> new EnvelopeStore().count(t));
            assertThat(count).isZero();
        }
    }

    @Test
    void undecodableRowIsReportedAsCorrupt() throws Exception {
        Path file = dir.resolve("bad-row.db");
        Database.open(file).close();
        rawExec(file, "INSERT INTO messages VALUES (zeroblob(32), 'SIDEWAYS', zeroblob(32), 'x', 1, 'QUEUED', 1, 1, 0)");
        try (Database db = Database.open(file)) {
            assertThatThrownBy(() -> db.read(t -> new MessageStore().list(t, Optional.empty())))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
        }
    }

    private Path populated(String name) throws Exception {
        Path file = dir.resolve(name);
        EnvelopeStore envelopes = new EnvelopeStore();
        try (Database db = Database.open(file)) {
            db.write(t -> {
                for (int i = 0; i < 300; i++) {
                    envelopes.insert(t, envelope(i, 5_000, 1_000));
                }
                return null;
            });
        }
        assertThat(dir.resolve(name + "-wal")).as("checkpointed on close").doesNotExist();
        return file;
    }

    private static void assertCorrupt(Path file) {
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
                    assertThat(e).hasMessage("database file is corrupt or not a Habarshy database: "
                            + file.getFileName());
                });
    }
}

package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.core.store.StoreFixtures.envelope;
import static org.habarshy.core.store.StoreFixtures.envelopeId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two {@link Database} instances on one file behave like two processes (node and CLI). */
class DataVersionTest {
    @TempDir
    Path dir;

    private final EnvelopeStore envelopes = new EnvelopeStore();

    @Test
    void aCommitThroughAnotherInstanceChangesDataVersionButOwnCommitsDoNot() throws Exception {
        Path file = dir.resolve("shared.db");
        try (Database node = Database.open(file); Database cli = Database.open(file)) {
            long nodeBefore = node.dataVersion();
            long cliBefore = cli.dataVersion();

            cli.write(t -> envelopes.insert(t, envelope(1, 5_000)));

            assertThat(cli.dataVersion()).as("own commit").isEqualTo(cliBefore);
            long nodeAfter = node.dataVersion();
            assertThat(nodeAfter).as("other's commit").isNotEqualTo(nodeBefore);
            boolean seen = node.read(t -> envelopes.contains(t, envelopeId(1)));
            assertThat(seen).isTrue();

            node.write(t -> envelopes.insert(t, envelope(2, 5_000)));
            assertThat(node.dataVersion()).as("own commit").isEqualTo(nodeAfter);
            assertThat(cli.dataVersion()).as("other's commit").isNotEqualTo(cliBefore);
        }
    }

    @Test
    void unchangedWhenNobodyCommits() throws Exception {
        Path file = dir.resolve("quiet.db");
        try (Database node = Database.open(file); Database cli = Database.open(file)) {
            long before = node.dataVersion();
            cli.read(t -> envelopes.count(t));
            cli.write(t -> null);
            assertThat(node.dataVersion()).isEqualTo(before);
        }
    }

    @Test
    void processesOpeningANewFileTogetherMigrateItOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            Path file = dir.resolve("race-" + round + ".db");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Long>> opened = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    opened.add(pool.submit(() -> {
                        try (Database db = Database.open(file)) {
                            return db.read(t -> envelopes.count(t));
                        }
                    }));
                }
                for (Future<Long> f : opened) {
                    assertThat(f.get(30, TimeUnit.SECONDS)).isZero();
                }
            } finally {
                pool.shutdownNow();
            }
            try (Database db = Database.open(file)) {
                assertThat(StoreFixtures.scalar(db, "PRAGMA user_version")).isEqualTo("2");
            }
        }
    }
}

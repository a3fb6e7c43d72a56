package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.core.store.StoreFixtures.envelopeId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writer process with SIGKILL and checks every commit it reported survived intact. */
class DurabilityTest {
    private static final int SIGKILL_EXIT = 128 + 9;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, threadMode = ThreadMode.SEPARATE_THREAD)
    void committedRowsSurviveKillWhileIdle() throws Exception {
        Path file = dir.resolve("idle.db");
        int committed = runAndKill(file, 200, "READY");
        assertThat(committed).isEqualTo(200);
        assertAllPresent(file, 200);
    }

    @Test
    @Timeout(value = 90, threadMode = ThreadMode.SEPARATE_THREAD)
    void committedRowsSurviveKillInTheMiddleOfWriting() throws Exception {
        Path file = dir.resolve("busy.db");
        int committed = runAndKill(file, -1, "COMMITTED 150");
        assertThat(committed).isGreaterThanOrEqualTo(151);
        assertAllPresent(file, committed);
    }

    /**
     * Starts the child with its output going to a file, waits for the line {@code killAfter}, SIGKILLs it and
     * returns how many commits it reported before dying.
     */
    private int runAndKill(Path file, int rows, String killAfter) throws Exception {
        Path stdout = dir.resolve("child-stdout.txt");
        Path stderr = dir.resolve("child-stderr.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), file.toString(), Integer.toString(rows))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            while (!completeLines(stdout).contains(killAfter)) {
                if (!child.isAlive()) {
                    throw new AssertionError("child ended early: " + Files.readString(stderr));
                }
                Thread.sleep(10);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
        } finally {
            child.destroyForcibly();
        }
        return (int) completeLines(stdout).stream().filter(l -> l.startsWith("COMMITTED ")).count();
    }

    /** Lines ended by a newline; a line the kill cut short is ignored, which can only under-count. */
    private static List<String> completeLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }

    private static void assertAllPresent(Path file, int committed) throws Exception {
        EnvelopeStore envelopes = new EnvelopeStore();
        MessageStore messages = new MessageStore();
        try (Database db = Database.open(file)) {
            assertThat(StoreFixtures.quickCheck(db)).containsExactly("ok");
            List<EnvelopeId> ids = new ArrayList<>();
            for (int i = 0; i < committed; i++) {
                ids.add(envelopeId(i));
            }
            var absent = db.read(t -> envelopes.absent(t, ids));
            assertThat(absent).as("committed envelopes missing after kill").isEmpty();
            long count = db.read(t -> envelopes.count(t));
            assertThat(count).as("at most one commit past the last report").isBetween((long) committed,
                    committed + 1L);
            Optional<Message> last = db.read(t -> messages.find(t, envelopeId(committed - 1)));
            assertThat(last).isPresent();
        }
    }
}

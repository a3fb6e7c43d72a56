package org.habarshy.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.crypto.Argon2idParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that keeps changing the passphrase with SIGKILL at random moments: every time, the identity file
 * opens with the old passphrase or the new one, and holds the same keys.
 */
class PassphraseChangeKillTest {
    private static final int ROUNDS = 4;
    private static final int SIGKILL_EXIT = 128 + 9;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
    void theIdentitySurvivesAKillAtAnyMomentOfARechange() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        IdentityKeys keys = IdentityKeys.generate("Daulet", new SecureRandom(), 1_767_225_600_000L);
        new IdentityFile(data, Argon2idParameters.FLOOR).create(keys, PassphraseChurnChild.FIRST.clone());
        Random random = new Random();
        int changes = 0;
        for (int round = 0; round < ROUNDS; round++) {
            changes += runAndKill(data, random.nextInt(2), random.nextInt(400));
            IdentityFile file = new IdentityFile(data);
            boolean first = PassphraseChurnChild.opens(file, PassphraseChurnChild.FIRST);
            boolean second = PassphraseChurnChild.opens(file, PassphraseChurnChild.SECOND);
            assertThat(first ^ second).as("round %d: exactly one passphrase opens the file", round).isTrue();
            char[] passphrase = first ? PassphraseChurnChild.FIRST : PassphraseChurnChild.SECOND;
            assertThat(file.load(passphrase.clone()).card()).isEqualTo(keys.card());
        }
        assertThat(changes).as("changes the children reported").isGreaterThanOrEqualTo(ROUNDS);
    }

    /**
     * Starts the child, waits until it reported change number {@code afterChange} and then {@code millis} more (a
     * random moment of a later change), kills it, and returns how many changes it reported.
     */
    private int runAndKill(Path data, int afterChange, int millis) throws Exception {
        Path stdout = dir.resolve("child-stdout.txt");
        Path stderr = dir.resolve("child-stderr.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                PassphraseChurnChild.class.getName(), data.toString())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            while (!Files.readString(stdout).contains("CHANGED " + afterChange + "\n")) {
                if (!child.isAlive()) {
                    throw new AssertionError("child ended early: " + Files.readString(stderr));
                }
                Thread.sleep(5);
            }
            Thread.sleep(millis);
            assertThat(child.isAlive()).as("child still running: " + Files.readString(stderr)).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
        } finally {
            child.destroyForcibly();
        }
        return (int) Files.readString(stdout).lines().filter(l -> l.startsWith("CHANGED ")).count();
    }
}

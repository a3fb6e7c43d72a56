package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code habarshy contact safety|verify|timer} and the key-change refusal of {@code contact add}. */
class ContactVerifyCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void safetyShowsBothNumbersAndVerifyMarksTheContact() {
        Path alice = init("alice", "Alice");
        Path bob = init("bob", "Bob");
        String bobNumber = ok("id", "--fingerprint", "--data", bob.toString()).out().strip();
        String aliceNumber = ok("id", "--fingerprint", "--data", alice.toString()).out().strip();
        ok("contact", "add", code(bob), "--alias", "bob", "--data", alice.toString());

        CliRun safety = ok("contact", "safety", "bob", "--data", alice.toString());
        assertThat(safety.out()).contains("Yours:").contains(aliceNumber).contains(bobNumber)
                .contains("Not verified").contains("habarshy contact verify bob");
        assertThat(ok("contact", "list", "--data", alice.toString()).out()).contains(bobNumber + "\tnot verified");

        assertThat(ok("contact", "verify", "bob", "--data", alice.toString()).out()).contains("is verified.");
        assertThat(ok("contact", "list", "--data", alice.toString()).out()).contains(bobNumber + "\tverified");
        assertThat(ok("contact", "safety", "bob", "--data", alice.toString()).out()).contains("Verified.");
        assertThat(ok("contact", "verify", "bob", "--undo", "--data", alice.toString()).out())
                .contains("is not verified.");

        CliRun unknown = CliRun.of(FakeTerminal.none(), "contact", "verify", "carol", "--data", alice.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no contact with alias 'carol'");
    }

    @Test
    void aNewKeyUnderAnExistingNameIsRefusedUnlessReplaceAndThenIsUnverified() {
        Path alice = init("alice", "Alice");
        Path bob = init("bob", "Bob");
        Path impostor = init("impostor", "Bob");
        ok("contact", "add", code(bob), "--alias", "bob", "--data", alice.toString());
        ok("contact", "verify", "bob", "--data", alice.toString());
        String bobNumber = ok("id", "--fingerprint", "--data", bob.toString()).out().strip();
        String impostorNumber = ok("id", "--fingerprint", "--data", impostor.toString()).out().strip();

        CliRun refused = CliRun.of(FakeTerminal.none(), "contact", "add", code(impostor), "--alias", "bob",
                "--data", alice.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("WARNING: the identity key of contact 'bob' would change")
                .contains(bobNumber).contains(impostorNumber).contains("Nothing was changed").contains("--replace");
        assertThat(ok("contact", "list", "--data", alice.toString()).out()).contains(bobNumber + "\tverified");

        CliRun replaced = ok("contact", "add", code(impostor), "--alias", "bob", "--replace",
                "--data", alice.toString());
        assertThat(replaced.out()).contains("not verified");
        assertThat(ok("contact", "list", "--data", alice.toString()).out())
                .contains(impostorNumber + "\tnot verified").doesNotContain(bobNumber);
    }

    @Test
    void aSecondContactCallingThemselvesTheSameIsAddedWithAWarning() {
        Path alice = init("alice", "Alice");
        Path bob = init("bob", "Bob");
        Path otherBob = init("other", "Bob");
        ok("contact", "add", code(bob), "--alias", "bob", "--data", alice.toString());
        CliRun second = ok("contact", "add", code(otherBob), "--alias", "bob2", "--data", alice.toString());
        assertThat(second.err()).contains("warning: your contact 'bob' also calls themselves 'Bob'");
    }

    @Test
    void timerIsShownSetAndTurnedOffAndBadValuesAreRefused() {
        Path alice = init("alice", "Alice");
        ok("contact", "add", code(init("bob", "Bob")), "--alias", "bob", "--data", alice.toString());
        assertThat(ok("contact", "timer", "bob", "--data", alice.toString()).out()).contains("are kept");
        assertThat(ok("contact", "timer", "bob", "1h", "--data", alice.toString()).out())
                .contains("disappear on both sides 1h after");
        assertThat(ok("contact", "timer", "bob", "--data", alice.toString()).out()).contains("1h");
        assertThat(ok("contact", "timer", "bob", "90m", "--data", alice.toString()).out()).contains("90m");
        assertThat(ok("contact", "timer", "bob", "off", "--data", alice.toString()).out()).contains("are kept");
        for (String bad : new String[] {"1y", "5s", "-1h", "400d", "soon"}) {
            CliRun refused = CliRun.of(FakeTerminal.none(), "contact", "timer", "bob", bad, "--data",
                    alice.toString());
            assertThat(refused.exitCode()).as(bad).isEqualTo(2);
            assertThat(refused.err()).as(bad).contains("timer");
        }
        CliRun unknown = CliRun.of(FakeTerminal.none(), "contact", "timer", "carol", "1h", "--data",
                alice.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no contact with alias 'carol'");
    }

    private Path init(String dir, String name) {
        Path data = tmp.resolve(dir);
        ok("init", "--name", name, "--data", data.toString());
        return data;
    }

    private String code(Path data) {
        return ok("id", "--data", data.toString()).out().strip();
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(FakeTerminal.none(), args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }
}

package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code habarshy contact safety|verify} and the key-change refusal of {@code contact add}. */
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

package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.habarshy.core.identity.IdentityFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code habarshy panic}: confirmation rules, the wipe itself, and what opening afterwards says. */
class PanicCommandTest {
    @TempDir
    Path tmp;

    @Test
    void panicYesWipesEverythingAndTheIdentityIsGone() throws Exception {
        Path data = tmp.resolve("data");
        Path passphrase = Files.writeString(tmp.resolve("p"), "correct horse\n");
        assertThat(CliRun.of(FakeTerminal.none(), "init", "--name", "Aigerim", "--data", data.toString(),
                "--passphrase-file", passphrase.toString()).exitCode()).isZero();

        CliRun panic = CliRun.of(FakeTerminal.none(), "panic", "--yes", "--data", data.toString());

        assertThat(panic.exitCode()).as(panic.err()).isZero();
        assertThat(panic.out()).contains("wiped " + data.toAbsolutePath().resolve(IdentityFile.FILE_NAME))
                .contains("Wiped " + data);
        assertThat(data).doesNotExist();
        CliRun id = CliRun.of(FakeTerminal.none(), "id", "--data", data.toString(), "--passphrase-file",
                passphrase.toString());
        assertThat(id.exitCode()).isEqualTo(2);
        assertThat(id.err()).contains("no identity here");
        assertThat(CliRun.of(FakeTerminal.none(), "panic", "--yes", "--data", data.toString()).out())
                .contains("Nothing to wipe");
    }

    @Test
    void withoutYesItWipesOnlyAfterTheWordIsTyped() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(CliRun.of(FakeTerminal.none(), "init", "--name", "Aigerim", "--data", data.toString())
                .exitCode()).isZero();

        CliRun noTerminal = CliRun.of(FakeTerminal.none(), "panic", "--data", data.toString());
        assertThat(noTerminal.exitCode()).isEqualTo(2);
        assertThat(noTerminal.err()).contains("--yes");
        assertThat(data.resolve(IdentityFile.FILE_NAME)).exists();

        FakeTerminal hesitant = FakeTerminal.typing("wipe");
        CliRun notConfirmed = CliRun.of(hesitant, "panic", "--data", data.toString());
        assertThat(notConfirmed.exitCode()).isEqualTo(2);
        assertThat(notConfirmed.err()).contains("nothing was wiped");
        assertThat(hesitant.prompts).singleElement().asString().contains("Type WIPE");
        assertThat(data.resolve(IdentityFile.FILE_NAME)).exists();

        CliRun confirmed = CliRun.of(FakeTerminal.typing("WIPE"), "panic", "--data", data.toString());
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(data).doesNotExist();
    }
}

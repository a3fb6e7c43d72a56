package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.habarshy.core.identity.IdentityFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How commands get the passphrase (file, environment, prompt), what a wrong or missing one does, and
 * {@code habarshy passphrase}. In process, with a scripted terminal.
 */
class PassphraseCommandsTest {
    private static final String PASSPHRASE = "Жарық жоқ, бірақ хабар жетеді";

    @TempDir
    Path tmp;

    @Test
    void initWithAPassphraseFileEncryptsAndEveryCommandThenNeedsIt() throws Exception {
        Path data = tmp.resolve("data");
        Path right = passphraseFile("right", PASSPHRASE + "\n");
        Path wrong = passphraseFile("wrong", "not it\r\n");

        CliRun init = CliRun.of(FakeTerminal.none(), "init", "--name", "Aigerim", "--data", data.toString(),
                "--passphrase-file", right.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("encrypted with your passphrase").contains("HB1");
        assertThat(new IdentityFile(data).isEncrypted()).isTrue();

        CliRun id = CliRun.of(FakeTerminal.none(), "id", "--data", data.toString(), "--passphrase-file",
                right.toString());
        assertThat(id.exitCode()).as(id.err()).isZero();
        assertThat(id.out()).startsWith("HB1");

        Map<String, byte[]> before = contents(data);
        CliRun wrongRun = CliRun.of(FakeTerminal.none(), "send", "bob", "hello", "--data", data.toString(),
                "--passphrase-file", wrong.toString());
        assertThat(wrongRun.exitCode()).isEqualTo(2);
        assertThat(wrongRun.err()).isEqualTo("habarshy: wrong passphrase or damaged identity file\n");
        assertThat(contents(data)).as("nothing created or overwritten").containsOnlyKeys(before.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).isEqualTo(before.get(name)));

        CliRun missing = CliRun.of(FakeTerminal.none(), "contact", "list", "--data", data.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("encrypted").contains("--passphrase-file").contains("HABARSHY_PASSPHRASE");

        CliRun fromEnvironment = CliRun.of(FakeTerminal.none().with("HABARSHY_PASSPHRASE", PASSPHRASE),
                "messages", "--data", data.toString());
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isZero();
    }

    @Test
    void interactiveInitAsksTwiceAndAMismatchCreatesNothing() throws Exception {
        Path data = tmp.resolve("data");
        FakeTerminal mismatch = FakeTerminal.typing(PASSPHRASE, PASSPHRASE + " ");
        CliRun refused = CliRun.of(mismatch, "init", "--name", "Aigerim", "--data", data.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("differ").contains("nothing was changed");
        assertThat(data).doesNotExist();
        assertThat(mismatch.allWiped()).isTrue();

        FakeTerminal typing = FakeTerminal.typing(PASSPHRASE, PASSPHRASE);
        CliRun init = CliRun.of(typing, "init", "--name", "Aigerim", "--data", data.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(typing.prompts).hasSize(2);
        assertThat(typing.allWiped()).as("passphrases wiped after use").isTrue();
        assertThat(new IdentityFile(data).isEncrypted()).isTrue();

        FakeTerminal opening = FakeTerminal.typing(PASSPHRASE);
        CliRun id = CliRun.of(opening, "id", "--fingerprint", "--data", data.toString());
        assertThat(id.exitCode()).as(id.err()).isZero();
        assertThat(opening.prompts).singleElement().asString().startsWith("Passphrase for");
        assertThat(opening.allWiped()).isTrue();
    }

    @Test
    void aPassphraseALocaleAlreadyDamagedIsRefused() {
        Path data = tmp.resolve("data");
        CliRun init = CliRun.of(FakeTerminal.none().with("HABARSHY_PASSPHRASE", "Жар\uFFFDқ жоқ"), "init", "--name",
                "Aigerim", "--data", data.toString());
        assertThat(init.exitCode()).isEqualTo(2);
        assertThat(init.err()).contains("HABARSHY_PASSPHRASE").contains("LC_ALL=C.UTF-8");
        assertThat(data).doesNotExist();

        FakeTerminal typing = FakeTerminal.typing("Жар\uFFFDқ жоқ");
        assertThat(CliRun.of(typing, "init", "--name", "Aigerim", "--data", data.toString()).exitCode()).isEqualTo(2);
        assertThat(typing.allWiped()).isTrue();
        assertThat(data).doesNotExist();
    }

    @Test
    void anEmptyPassphraseKeepsTheFileUnencryptedAndNothingIsAskedToOpenIt() throws Exception {
        Path data = tmp.resolve("data");
        CliRun init = CliRun.of(FakeTerminal.typing(""), "init", "--name", "Aigerim", "--data", data.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("NOT encrypted");
        assertThat(new IdentityFile(data).isEncrypted()).isFalse();

        FakeTerminal terminal = FakeTerminal.typing();
        assertThat(CliRun.of(terminal, "id", "--data", data.toString()).exitCode()).isZero();
        assertThat(terminal.prompts).isEmpty();
    }

    @Test
    void passphraseUpgradesAVersion1FileChangesAndRemovesTheEncryption() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(CliRun.of(FakeTerminal.none(), "init", "--name", "Daulet", "--data", data.toString()).exitCode())
                .isZero();
        String code = CliRun.of(FakeTerminal.none(), "id", "--data", data.toString()).out();
        Path first = passphraseFile("first", PASSPHRASE);
        Path second = passphraseFile("second", "второй пароль\n");
        Path empty = passphraseFile("empty", "\n");

        CliRun upgrade = CliRun.of(FakeTerminal.none(), "passphrase", "--data", data.toString(),
                "--new-passphrase-file", first.toString());
        assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
        assertThat(new IdentityFile(data).isEncrypted()).isTrue();
        assertThat(CliRun.of(FakeTerminal.none(), "id", "--data", data.toString()).exitCode()).isEqualTo(2);
        assertThat(idWith(first, data)).isEqualTo(code);

        byte[] before = Files.readAllBytes(data.resolve(IdentityFile.FILE_NAME));
        CliRun wrongCurrent = CliRun.of(FakeTerminal.none(), "passphrase", "--data", data.toString(),
                "--passphrase-file", second.toString(), "--new-passphrase-file", second.toString());
        assertThat(wrongCurrent.exitCode()).isEqualTo(2);
        assertThat(wrongCurrent.err()).contains("wrong passphrase or damaged identity file");
        CliRun noNewOne = CliRun.of(FakeTerminal.none(), "passphrase", "--data", data.toString(),
                "--passphrase-file", first.toString());
        assertThat(noNewOne.exitCode()).isEqualTo(2);
        assertThat(noNewOne.err()).contains("--new-passphrase-file");
        assertThat(Files.readAllBytes(data.resolve(IdentityFile.FILE_NAME))).isEqualTo(before);

        CliRun change = CliRun.of(FakeTerminal.none().with("HABARSHY_PASSPHRASE", PASSPHRASE)
                .with("HABARSHY_NEW_PASSPHRASE", "второй пароль"), "passphrase", "--data", data.toString());
        assertThat(change.exitCode()).as(change.err()).isZero();
        assertThat(idWith(second, data)).isEqualTo(code);
        assertThat(CliRun.of(FakeTerminal.none(), "id", "--data", data.toString(), "--passphrase-file",
                first.toString()).exitCode()).isEqualTo(2);

        FakeTerminal typing = FakeTerminal.typing("второй пароль", "", "");
        CliRun remove = CliRun.of(typing, "passphrase", "--data", data.toString());
        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(remove.out()).contains("no longer encrypted");
        assertThat(typing.allWiped()).isTrue();
        assertThat(new IdentityFile(data).isEncrypted()).isFalse();
        assertThat(CliRun.of(FakeTerminal.none(), "id", "--data", data.toString()).out()).isEqualTo(code);
        assertThat(CliRun.of(FakeTerminal.none(), "passphrase", "--data", data.toString(), "--new-passphrase-file",
                empty.toString()).exitCode()).isZero();
    }

    private static String idWith(Path passphraseFile, Path data) {
        CliRun id = CliRun.of(FakeTerminal.none(), "id", "--data", data.toString(), "--passphrase-file",
                passphraseFile.toString());
        assertThat(id.exitCode()).as(id.err()).isZero();
        return id.out();
    }

    private Path passphraseFile(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name + ".pass"), content, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                out.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return out;
    }
}

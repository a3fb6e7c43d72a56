package org.habarshy.desktop.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.habarshy.core.identity.IdentityFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code habarshy passphrase}: sets, changes or removes the passphrase of the identity file. */
@Command(name = "passphrase", description = {"Set, change or remove the passphrase of your identity file.",
        "The file is re-encrypted atomically: a crash leaves the old file or the new one. An empty new passphrase "
        + "removes the encryption."})
final class PassphraseCommand implements Callable<Integer> {
    /** Environment variable holding the new passphrase. */
    static final String NEW_ENVIRONMENT_VARIABLE = "HABARSHY_NEW_PASSPHRASE";

    @Mixin
    DataDirOption data;

    @Mixin
    PassphraseOption current;

    @Option(names = "--new-passphrase-file", paramLabel = "FILE",
            description = "Read the new passphrase from the first line of FILE (default: $"
                    + NEW_ENVIRONMENT_VARIABLE + ", else asked twice in a terminal). An empty line removes it.")
    Path newFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = data.resolve();
        IdentityFile file = new IdentityFile(dir);
        if (!file.exists()) {
            throw new NoSuchFileException(dir.toString(), null, "no identity here; create one with 'habarshy init'");
        }
        char[] old = current.forOpening(dir);
        char[] replacement = null;
        try {
            replacement = newPassphrase(file, old);
            file.changePassphrase(old, replacement);
        } finally {
            PassphraseSources.wipe(old);
            PassphraseSources.wipe(replacement);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(replacement.length == 0
                ? "Passphrase removed: " + dir.resolve(IdentityFile.FILE_NAME) + " is no longer encrypted."
                : "Identity file encrypted with the new passphrase.");
        out.flush();
        return 0;
    }

    private char[] newPassphrase(IdentityFile file, char[] old) throws Exception {
        Terminal terminal = HabarshyCommand.terminal(spec);
        char[] given = PassphraseSources.given(newFile, terminal, NEW_ENVIRONMENT_VARIABLE);
        if (given != null) {
            return given;
        }
        if (!terminal.interactive()) {
            throw new IllegalArgumentException("give the new passphrase with --new-passphrase-file FILE or "
                    + NEW_ENVIRONMENT_VARIABLE + " (there is no terminal to ask)");
        }
        file.load(old);
        return PassphraseSources.chooseInteractively(terminal, "New passphrase (Enter to remove encryption): ");
    }
}

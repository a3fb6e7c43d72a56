package org.habarshy.desktop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.habarshy.core.identity.IdentityFile;
import org.habarshy.core.node.Account;
import org.habarshy.core.store.StoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --passphrase-file FILE} option of every command that opens the identity, and the order in which the
 * passphrase is looked for: that file's first line, then {@code $HABARSHY_PASSPHRASE}, then a prompt if a
 * terminal is attached and the identity file is encrypted. Without any of them, an encrypted identity does not
 * open and the command says how to give the passphrase.
 */
final class PassphraseOption {
    /** Environment variable holding the passphrase (visible to the user's other processes; prefer a file). */
    static final String ENVIRONMENT_VARIABLE = "HABARSHY_PASSPHRASE";

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the identity passphrase from the first line of FILE "
                    + "(default: $" + ENVIRONMENT_VARIABLE + ", else asked in a terminal).")
    Path file;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** Opens the account in {@code dataDir}, with the passphrase if the identity is encrypted. */
    Account openAccount(Path dataDir) throws IOException, StoreException {
        char[] passphrase = forOpening(dataDir);
        try {
            return Account.open(dataDir, Clock.systemUTC(), passphrase);
        } finally {
            PassphraseSources.wipe(passphrase);
        }
    }

    /** Returns the passphrase to open the identity in {@code dataDir} (empty if none was found); caller wipes. */
    char[] forOpening(Path dataDir) throws IOException {
        Terminal terminal = HabarshyCommand.terminal(mixee);
        char[] given = PassphraseSources.given(file, terminal, ENVIRONMENT_VARIABLE);
        if (given != null) {
            return given;
        }
        IdentityFile identity = new IdentityFile(dataDir);
        if (terminal.interactive() && identity.exists() && identity.isEncrypted()) {
            char[] typed = terminal.readPassword("Passphrase for " + dataDir + ": ");
            return typed != null ? PassphraseSources.checked(typed, "the passphrase typed") : new char[0];
        }
        return new char[0];
    }

    /**
     * Returns the passphrase for a new identity: given, else chosen in a terminal (asked twice; empty means no
     * encryption), else empty. The caller wipes it.
     */
    char[] forNewIdentity() throws IOException {
        Terminal terminal = HabarshyCommand.terminal(mixee);
        char[] given = PassphraseSources.given(file, terminal, ENVIRONMENT_VARIABLE);
        if (given != null) {
            return given;
        }
        if (!terminal.interactive()) {
            return new char[0];
        }
        return PassphraseSources.chooseInteractively(terminal,
                "Choose a passphrase to encrypt your keys (Enter for none): ");
    }
}

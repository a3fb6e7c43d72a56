package org.habarshy.desktop.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.habarshy.core.identity.IdentityFile;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code habarshy init --name NAME}: creates the identity and database. The identity file is encrypted if a
 * passphrase is given ({@code --passphrase-file}, {@code $HABARSHY_PASSPHRASE}) or chosen at the prompt.
 */
@Command(name = "init", description = "Create your identity (Ed25519 + X25519 keys) and the database.")
final class InitCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    PassphraseOption passphrase;

    @Option(names = "--name", required = true, description = "Your display name, shown to contacts.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = data.resolve();
        String checkedName = TextArguments.checked("the name", name);
        if (new IdentityFile(dir).exists()) {
            throw new FileAlreadyExistsException(dir.toString(), null,
                    "an identity already exists in this data directory");
        }
        char[] chosen = passphrase.forNewIdentity();
        boolean encrypted = chosen.length > 0;
        try (Account account = Account.create(dir, checkedName, Clock.systemUTC(), chosen)) {
            spec.commandLine().getOut().println("Created identity '" + name + "' in " + dir);
            spec.commandLine().getOut().println(encrypted
                    ? "Your keys are encrypted with your passphrase; you need it for every command."
                    : "Your keys are NOT encrypted (no passphrase); add one with 'habarshy passphrase'.");
            spec.commandLine().getOut().println("Safety number: " + account.safetyNumber());
            spec.commandLine().getOut().println("Your contact code (share it; 'habarshy id' prints it again):");
            spec.commandLine().getOut().println(account.contactCode());
        } finally {
            PassphraseSources.wipe(chosen);
        }
        return 0;
    }
}

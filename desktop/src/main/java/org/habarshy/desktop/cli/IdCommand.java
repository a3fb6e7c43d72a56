package org.habarshy.desktop.cli;

import java.util.concurrent.Callable;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy id [--fingerprint]}: prints the contact code or the safety number. */
@Command(name = "id", description = "Print your contact code on one line (or your safety number).")
final class IdCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    PassphraseOption passphrase;

    @Option(names = "--fingerprint", description = "Print the short safety number instead.")
    boolean fingerprint;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Account account = passphrase.openAccount(data.resolve())) {
            spec.commandLine().getOut().println(fingerprint ? account.safetyNumber() : account.contactCode());
        }
        return 0;
    }
}

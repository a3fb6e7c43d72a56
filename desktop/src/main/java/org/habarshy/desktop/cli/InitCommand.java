package org.habarshy.desktop.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy init --name NAME}: creates the identity and database. */
@Command(name = "init", description = "Create your identity (Ed25519 + X25519 keys) and the database.")
final class InitCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--name", required = true, description = "Your display name, shown to contacts.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Account account = Account.create(data.resolve(), TextArguments.checked("the name", name),
                Clock.systemUTC())) {
            spec.commandLine().getOut().println("Created identity '" + name + "' in " + data.resolve());
            spec.commandLine().getOut().println("Safety number: " + account.safetyNumber());
            spec.commandLine().getOut().println("Your contact code (share it; 'habarshy id' prints it again):");
            spec.commandLine().getOut().println(account.contactCode());
        }
        return 0;
    }
}

package org.habarshy.desktop.cli;

import java.util.concurrent.Callable;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.identity.SafetyNumbers;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy contact add|list}. */
@Command(name = "contact", description = "Manage contacts.",
        subcommands = {ContactCommand.Add.class, ContactCommand.ListContacts.class})
final class ContactCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code habarshy contact add CODE --alias ALIAS}. */
    @Command(name = "add", description = "Verify a contact code and save it under an alias.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "CODE", description = "The contact's code (from 'habarshy id').")
        String code;

        @Option(names = "--alias", required = true, description = "Your local name for this contact.")
        String alias;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                Contact contact = account.addContact(code, TextArguments.checked("the alias", alias));
                spec.commandLine().getOut().println("Added '" + alias + "' (calls themselves '"
                        + contact.card().name() + "').");
                spec.commandLine().getOut().println("Safety number: "
                        + SafetyNumbers.of(contact.card().identityKey())
                        + " (compare it with theirs in person or by phone)");
            }
            return 0;
        }
    }

    /** {@code habarshy contact list}. */
    @Command(name = "list", description = "List contacts.")
    static final class ListContacts implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                for (Contact contact : account.contacts()) {
                    spec.commandLine().getOut().println(contact.alias() + "\t" + contact.card().name() + "\t"
                            + SafetyNumbers.of(contact.card().identityKey()));
                }
            }
            return 0;
        }
    }
}

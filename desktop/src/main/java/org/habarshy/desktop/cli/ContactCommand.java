package org.habarshy.desktop.cli;

import java.time.Duration;
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

/** {@code habarshy contact add|list|safety|verify|timer}. */
@Command(name = "contact", description = "Manage contacts.",
        subcommands = {ContactCommand.Add.class, ContactCommand.ListContacts.class, ContactCommand.Safety.class,
                ContactCommand.Verify.class, ContactCommand.Timer.class})
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

        @Option(names = "--replace", description = "Replace the identity key of an existing contact of this alias"
                + " (after comparing the new safety number with them); the contact becomes unverified.")
        boolean replace;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                Contact contact = account.addContact(code, TextArguments.checked("the alias", alias), replace);
                spec.commandLine().getOut().println((replace ? "Saved '" : "Added '") + alias
                        + "' (calls themselves '" + contact.card().name() + "'), not verified.");
                spec.commandLine().getOut().println("Safety number: "
                        + SafetyNumbers.of(contact.card().identityKey())
                        + " (compare it with theirs in person or by phone, then run 'habarshy contact verify "
                        + alias + "')");
                for (Contact other : account.contacts()) {
                    if (!other.alias().equals(contact.alias()) && other.card().name().equals(contact.card().name())) {
                        spec.commandLine().getErr().println("habarshy: warning: your contact '" + other.alias()
                                + "' also calls themselves '" + other.card().name() + "' but has another key"
                                + " (safety number " + SafetyNumbers.of(other.card().identityKey()) + ")");
                    }
                }
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
                            + SafetyNumbers.of(contact.card().identityKey()) + "\t"
                            + (contact.verified() ? "verified" : "not verified"));
                }
            }
            return 0;
        }
    }

    /** {@code habarshy contact safety NAME}: both safety numbers, to compare. */
    @Command(name = "safety", description = "Show your safety number and the contact's, to compare with them.")
    static final class Safety implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "NAME", description = "The contact's alias.")
        String alias;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                Contact contact = account.contact(TextArguments.checked("the alias", alias));
                spec.commandLine().getOut().println("Yours:           " + account.safetyNumber());
                spec.commandLine().getOut().println("'" + contact.alias() + "': " + " ".repeat(Math.max(0,
                        13 - contact.alias().length())) + SafetyNumbers.of(contact.card().identityKey()));
                spec.commandLine().getOut().println(contact.verified()
                        ? "Verified."
                        : "Not verified. Compare both numbers with them in person or by phone; if they match, run"
                        + " 'habarshy contact verify " + contact.alias() + "'.");
            }
            return 0;
        }
    }

    /** {@code habarshy contact verify NAME [--undo]}. */
    @Command(name = "verify", description = "Mark a contact as verified after comparing safety numbers.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "NAME", description = "The contact's alias.")
        String alias;

        @Option(names = "--undo", description = "Mark the contact as not verified.")
        boolean undo;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                Contact contact = account.setVerified(TextArguments.checked("the alias", alias), !undo);
                spec.commandLine().getOut().println("'" + contact.alias() + "' (safety number "
                        + SafetyNumbers.of(contact.card().identityKey()) + ") is "
                        + (contact.verified() ? "verified." : "not verified."));
            }
            return 0;
        }
    }

    /** {@code habarshy contact timer NAME [1h|30m|7d|off]}: the disappearing-message timer of a conversation. */
    @Command(name = "timer", description = "Show or set the disappearing-message timer of a conversation: text you"
            + " send is deleted on both sides that long after it is stored (e.g. 30s, 10m, 1h, 7d, 2w, or off).")
    static final class Timer implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "NAME", description = "The contact's alias.")
        String alias;

        @Parameters(index = "1", arity = "0..1", paramLabel = "DURATION", description = "30s, 10m, 1h, 7d, 2w or off.")
        String duration;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                String name = TextArguments.checked("the alias", alias);
                if (duration != null) {
                    account.setDisappearingTimer(name, DisappearingTimers.parse(duration));
                }
                Duration timer = account.disappearingTimer(name);
                spec.commandLine().getOut().println(timer.isZero()
                        ? "Messages you send to '" + name + "' are kept."
                        : "Messages you send to '" + name + "' disappear on both sides "
                        + DisappearingTimers.format(timer) + " after they are stored.");
            }
            return 0;
        }
    }
}

package org.habarshy.desktop.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.habarshy.core.mailbox.MailboxAddress;
import org.habarshy.core.mailbox.Registration;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code habarshy mailbox register|status|code|contact|fetch}: a post box at a relay that holds messages for you
 * while you are offline (docs/PROTOCOL.md 8.4).
 */
@Command(name = "mailbox", description = "A mailbox at a relay: it holds messages for you while you are offline "
        + "and hands them over when your node links to it.",
        subcommands = {MailboxCommand.Register.class, MailboxCommand.Status.class, MailboxCommand.Code.class,
                MailboxCommand.Contact.class, MailboxCommand.Fetch.class})
final class MailboxCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code habarshy mailbox register RELAY [--quota SIZE]}. */
    @Command(name = "register", description = "Register (or renew, for 30 days) a mailbox at a relay you added; "
            + "the request goes with the next link. Then give contacts your mailbox code ('habarshy mailbox code').")
    static final class Register implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "RELAY", description = "The relay's name (from 'habarshy relay add').")
        String relay;

        @Option(names = "--quota", paramLabel = "SIZE", defaultValue = "1MiB", converter = ByteSize.class,
                description = "Space to ask for, at most 4GiB (default: ${DEFAULT-VALUE}); the relay may grant less.")
        long quota;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Registration registration;
            try (Account account = passphrase.openAccount(data.resolve())) {
                registration = RelayClientCommand.client(account).register(relay, quota);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Mailbox registration for relay '" + relay + "' queued (valid until "
                    + Instant.ofEpochMilli(registration.expiresAt()) + "); a running node sends it.");
            out.println("Your mailbox code (give it to contacts: 'habarshy mailbox contact ALIAS CODE'): "
                    + registration.address().encode());
            out.flush();
            return 0;
        }
    }

    /** {@code habarshy mailbox status}. */
    @Command(name = "status", description = "Show your mailboxes and which contacts' mailboxes you deposit to.")
    static final class Status implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Account account = passphrase.openAccount(data.resolve())) {
                var client = RelayClientCommand.client(account);
                List<Registration> registrations = client.registrations();
                if (registrations.isEmpty()) {
                    out.println("no mailbox registered (habarshy mailbox register RELAY)");
                }
                for (Registration r : registrations) {
                    out.println("mailbox at " + r.relay() + ": quota asked " + r.quotaBytes() + " bytes, registered "
                            + Instant.ofEpochMilli(r.createdAt()) + ", until " + Instant.ofEpochMilli(r.expiresAt())
                            + ", code " + r.address().encode());
                }
                for (var contact : account.contacts()) {
                    if (client.contactMailbox(contact.alias()).isPresent()) {
                        out.println("contact " + contact.alias() + ": messages also deposited in their mailbox");
                    }
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code habarshy mailbox code RELAY}. */
    @Command(name = "code", description = "Print your mailbox code at a relay, for your contacts.")
    static final class Code implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "RELAY", description = "The relay's name.")
        String relay;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                spec.commandLine().getOut().println(RelayClientCommand.client(account).address(relay).encode());
            }
            return 0;
        }
    }

    /** {@code habarshy mailbox contact ALIAS CODE}. */
    @Command(name = "contact", description = "Deposit a copy of every message to a contact in their mailbox (their "
            + "mailbox code, HBM1..., from 'habarshy mailbox code').")
    static final class Contact implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "ALIAS", description = "The contact's alias.")
        String alias;

        @Parameters(index = "1", paramLabel = "CODE", description = "Their mailbox code.")
        String code;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            MailboxAddress address = MailboxAddress.parse(code);
            try (Account account = passphrase.openAccount(data.resolve())) {
                account.contact(alias);
                RelayClientCommand.client(account).setContactMailbox(alias, address);
            }
            spec.commandLine().getOut().println("Messages to '" + alias + "' are now also left in their mailbox.");
            return 0;
        }
    }

    /** {@code habarshy mailbox fetch RELAY}. */
    @Command(name = "fetch", description = "Ask a relay for your mailbox now ('habarshy run' does it by itself "
            + "whenever it links to the relay).")
    static final class Fetch implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "RELAY", description = "The relay's name.")
        String relay;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                RelayClientCommand.client(account).pickup(relay);
            }
            spec.commandLine().getOut().println("Pickup request for relay '" + relay + "' queued; a running node "
                    + "sends it, and the relay hands your messages over on its links.");
            return 0;
        }
    }
}

package org.habarshy.desktop.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.habarshy.core.mailbox.KnownRelay;
import org.habarshy.core.mailbox.MailboxClient;
import org.habarshy.core.mailbox.RelayCode;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy relay add|list}: the relays this user links to (and may keep a mailbox at). */
@Command(name = "relay", description = "Relays to link to and keep a mailbox at (see 'habarshy mailbox').",
        subcommands = {RelayClientCommand.Add.class, RelayClientCommand.ListRelays.class})
final class RelayClientCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Returns a mailbox client for {@code account} on the system clock. */
    static MailboxClient client(Account account) {
        return new MailboxClient(account, Clock.systemUTC(), new SecureRandom());
    }

    /** {@code habarshy relay add NAME --code CODE --address HOST:PORT}. */
    @Command(name = "add", description = "Add a relay (or replace one of the same name): 'habarshy run' then keeps "
            + "a link to it.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "NAME", description = "Your name for the relay (a-z 0-9 _ -).")
        String name;

        @Option(names = "--code", required = true, paramLabel = "CODE",
                description = "The relay's code (HBR1..., from its operator: 'habarshy-relay id').")
        String code;

        @Option(names = "--address", required = true, paramLabel = "HOST:PORT", description = "Where it listens.")
        String address;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            KnownRelay relay = KnownRelay.of(name, RelayCode.parse(code), address);
            try (Account account = passphrase.openAccount(data.resolve())) {
                client(account).addRelay(relay);
            }
            spec.commandLine().getOut().println("Added relay '" + name + "'"
                    + (relay.code().mailboxKey().isPresent() ? "; it keeps mailboxes ('habarshy mailbox register "
                    + name + "')." : "; it keeps no mailboxes."));
            return 0;
        }
    }

    /** {@code habarshy relay list}. */
    @Command(name = "list", description = "List the relays you added.")
    static final class ListRelays implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<KnownRelay> relays;
            try (Account account = passphrase.openAccount(data.resolve())) {
                relays = client(account).relays();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (relays.isEmpty()) {
                out.println("no relays (add one with 'habarshy relay add NAME --code CODE --address HOST:PORT')");
            }
            for (KnownRelay relay : relays) {
                out.println(relay.name() + "  " + relay.address() + "  "
                        + (relay.code().mailboxKey().isPresent() ? "mailbox" : "no mailbox"));
            }
            out.flush();
            return 0;
        }
    }
}

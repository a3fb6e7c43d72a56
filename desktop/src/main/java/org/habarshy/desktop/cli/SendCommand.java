package org.habarshy.desktop.cli;

import java.util.concurrent.Callable;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.message.CompactOutbox;
import org.habarshy.core.mailbox.MailboxException;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy send ALIAS TEXT}: seals and queues a message durably. */
@Command(name = "send", description = "Encrypt and queue a message. A running node with the same --data "
        + "sends it within a second; otherwise it goes at the next 'habarshy run'.")
final class SendCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    PassphraseOption passphrase;

    @Parameters(index = "0", paramLabel = "ALIAS", description = "The contact's alias.")
    String alias;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The message text, or '-' to read it (UTF-8) "
            + "from standard input.")
    String text;

    @Option(names = "--via-sms", description = "Send it as a compact SMS message (docs/PROTOCOL.md §15): one or two "
            + "SMS that SMS relays carry between islands of the mesh. Sealed with both identities' static keys: "
            + "no forward secrecy, no disappearing timer.")
    boolean viaSms;

    @Spec
    CommandSpec spec;

    private String messageText() throws java.io.IOException {
        if (!"-".equals(text)) {
            return TextArguments.checked("the message", text);
        }
        String read = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (read.isEmpty()) {
            throw new IllegalArgumentException("no message text on standard input");
        }
        return read;
    }

    @Override
    public Integer call() throws Exception {
        try (Account account = passphrase.openAccount(data.resolve())) {
            if (viaSms) {
                CompactOutbox.Queued queued = account.sendCompact(alias, messageText());
                spec.commandLine().getOut().println("queued " + queued.id().hex() + " as a compact SMS message ("
                        + queued.compactBytes() + " bytes, " + queued.smsSegments() + " SMS)");
                return 0;
            }
            EnvelopeId id = account.send(alias, messageText());
            spec.commandLine().getOut().println("queued " + id.hex());
            try {
                if (RelayClientCommand.client(account).depositCopy(alias, id)) {
                    spec.commandLine().getOut().println("and a copy left in their mailbox");
                }
            } catch (MailboxException e) {
                // The message is queued the ordinary way; only the mailbox copy is missing.
                spec.commandLine().getErr().println("habarshy: warning: no copy left in their mailbox: "
                        + e.getMessage());
            }
        }
        return 0;
    }
}

package org.habarshy.desktop.cli;

import com.google.gson.Gson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.habarshy.core.api.attachment.Attachment;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy files [--with ALIAS] [--json]} and {@code habarshy files save ID --to DIR}. */
@Command(name = "files", description = "List files sent and received, oldest first, with progress: chunks held for "
        + "received files (partial ones complete when the rest arrive), delivery (queued, sent-to-peer, carried by N, "
        + "delivered, read) for sent ones.", subcommands = FilesCommand.Save.class)
final class FilesCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    PassphraseOption passphrase;

    @Option(names = "--with", paramLabel = "ALIAS", description = "Only files exchanged with this contact.")
    String with;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Account account = passphrase.openAccount(data.resolve())) {
            Optional<IdentityKey> peer = with == null ? Optional.empty()
                    : Optional.of(account.contact(with).card().identityKey());
            Map<IdentityKey, String> aliases = aliases(account);
            PrintWriter out = spec.commandLine().getOut();
            for (Attachment a : account.attachments().list(peer)) {
                out.println(json ? new Gson().toJson(AttachmentLines.json(a, aliases)) : AttachmentLines.line(a, aliases));
            }
            out.flush();
        }
        return 0;
    }

    /** Returns every contact's alias by identity key. */
    static Map<IdentityKey, String> aliases(Account account) throws Exception {
        Map<IdentityKey, String> aliases = new HashMap<>();
        for (Contact contact : account.contacts()) {
            aliases.put(contact.card().identityKey(), contact.alias());
        }
        return aliases;
    }

    /** {@code habarshy files save ID --to DIR}: writes a complete received file, never over an existing one. */
    @Command(name = "save", description = "Save a complete received file into a directory under its (sanitized) "
            + "name; if that name is taken, 'name (2).ext' and so on. Prints the path written.")
    static final class Save implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "ID", description = "The file id, or its first digits as listed.")
        String id;

        @Option(names = "--to", required = true, paramLabel = "DIR", description = "The directory to save into.")
        Path to;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                Attachment file = account.attachments().find(id);
                Path written = account.attachments().save(file, to);
                spec.commandLine().getOut().println("saved " + written);
            }
            return 0;
        }
    }
}

package org.habarshy.desktop.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.habarshy.core.api.attachment.Attachment;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy send-file ALIAS FILE...}: cuts files into chunks, seals each chunk and queues them durably. */
@Command(name = "send-file", description = "Encrypt and queue files (photos, documents; at most 16 MiB each) for a "
        + "contact, each in chunks of 192 KiB that travel as ordinary envelopes. A running node with the same --data "
        + "sends them within a second. Follow them with 'habarshy files'.")
final class SendFileCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    PassphraseOption passphrase;

    @Parameters(index = "0", paramLabel = "ALIAS", description = "The contact's alias.")
    String alias;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Files to send.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Account account = passphrase.openAccount(data.resolve())) {
            List<Attachment> queued = account.attachments().sendFiles(account.contact(alias), files);
            Map<org.habarshy.core.api.identity.IdentityKey, String> aliases = FilesCommand.aliases(account);
            for (Attachment a : queued) {
                spec.commandLine().getOut().println("queued " + AttachmentLines.line(a, aliases));
            }
        }
        return 0;
    }
}

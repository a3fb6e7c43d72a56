package org.habarshy.desktop.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.habarshy.core.api.attachment.Attachment;
import org.habarshy.core.api.attachment.Report;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy reports}: lists reports and how far each part has travelled. */
@Command(name = "reports", description = "List reports sent and received; for sent ones, how far the text and "
        + "each file have travelled (queued, sent-to-peer, carried by N, delivered, read).")
final class ReportsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Mixin
    DataDirOption data;

    @Mixin
    PassphraseOption passphrase;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Account account = passphrase.openAccount(data.resolve())) {
            Map<IdentityKey, String> aliases = FilesCommand.aliases(account);
            PrintWriter out = spec.commandLine().getOut();
            for (Report report : account.attachments().reports()) {
                print(out, report, aliases);
            }
            out.flush();
        }
        return 0;
    }

    /** Prints a report: a heading line, then the text's and each file's progress, indented. */
    static void print(PrintWriter out, Report r, Map<IdentityKey, String> aliases) {
        String peer = aliases.getOrDefault(r.peer(), "unknown");
        String who = r.direction() == Direction.OUTGOING ? "to " + peer : "from " + peer;
        out.printf("%s  %s  \"%s\"  (%d file%s)%n", TIME.format(Instant.ofEpochMilli(r.sentAt())), who, r.title(),
                r.fileCount(), r.fileCount() == 1 ? "" : "s");
        r.textTransfer().ifPresent(t -> out.println("    text: " + AttachmentLines.transfer(t)));
        for (Attachment a : r.files()) {
            out.println("    " + AttachmentLines.line(a, aliases));
        }
        if (r.direction() == Direction.INCOMING && r.files().size() < r.fileCount()) {
            out.println("    " + (r.fileCount() - r.files().size()) + " file(s) not yet announced");
        }
        out.flush();
    }
}

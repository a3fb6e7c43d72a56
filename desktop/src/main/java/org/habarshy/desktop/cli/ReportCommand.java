package org.habarshy.desktop.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.habarshy.core.api.attachment.Report;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy report ALIAS --title T [--text-file F] [--file PATH...]}: sends a titled report to an editor. */
@Command(name = "report", description = "Send a report to an editor: a title, a text (from a UTF-8 file) and files, "
        + "each part sealed for the editor and queued durably. Watch how far it has travelled with 'habarshy "
        + "reports'.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    PassphraseOption passphrase;

    @Parameters(index = "0", paramLabel = "ALIAS", description = "The editor's alias.")
    String alias;

    @Option(names = "--title", required = true, paramLabel = "TITLE", description = "The report's title.")
    String title;

    @Option(names = "--text-file", paramLabel = "FILE", description = "A UTF-8 file with the report's text.")
    Path textFile;

    @Option(names = "--file", paramLabel = "PATH", description = "A file to send with the report (repeatable).")
    List<Path> files = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String text = textFile == null ? "" : Files.readString(textFile, StandardCharsets.UTF_8).strip();
        try (Account account = passphrase.openAccount(data.resolve())) {
            Report report = account.attachments().sendReport(account.contact(alias),
                    TextArguments.checked("the title", title), text, files);
            ReportsCommand.print(spec.commandLine().getOut(), report, FilesCommand.aliases(account));
        }
        return 0;
    }
}

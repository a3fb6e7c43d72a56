package org.habarshy.desktop.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy settings [--read-receipts on|off]}: shows or changes the user's settings. */
@Command(name = "settings", description = "Show your settings, or change them. They are stored in the data "
        + "directory and apply to every command and to a running node.")
final class SettingsCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Mixin
    PassphraseOption passphrase;

    @Option(names = "--read-receipts", paramLabel = "on|off", description = "Whether reading a conversation "
            + "('habarshy messages --with ALIAS') tells the contact you read it (default: on).")
    String readReceipts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Boolean wanted = null;
        if (readReceipts != null) {
            if (!readReceipts.equals("on") && !readReceipts.equals("off")) {
                throw new IllegalArgumentException("--read-receipts takes on or off, got '" + readReceipts + "'");
            }
            wanted = readReceipts.equals("on");
        }
        try (Account account = passphrase.openAccount(data.resolve())) {
            if (wanted != null) {
                account.setReadReceipts(wanted);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("read-receipts " + (account.readReceipts() ? "on" : "off"));
            out.flush();
        }
        return 0;
    }
}

package org.habarshy.desktop.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.habarshy.core.node.PanicWipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code habarshy panic [--yes]}: destroys the keys and all data in the data directory. */
@Command(name = "panic", description = {"Destroy your keys, contacts and messages now (type WIPE, or give --yes).",
        "Every file Habarshy made in the data directory is overwritten with random bytes, synced and deleted, then "
        + "the directory. Needs no passphrase. Overwriting is best effort on SSDs and copy-on-write file systems; "
        + "a 'habarshy run' or desktop app running on the directory notices the wipe and stops at once."})
final class PanicCommand implements Callable<Integer> {
    /** The word that confirms the wipe. */
    static final String CONFIRMATION = "WIPE";

    @Mixin
    DataDirOption data;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = data.resolve();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.notExists(dir, LinkOption.NOFOLLOW_LINKS)) {
            out.println("Nothing to wipe: " + dir + " does not exist.");
            out.flush();
            return 0;
        }
        if (!yes && !confirmed(dir, err)) {
            err.flush();
            return UserMessages.USAGE;
        }
        PanicWipe.Report report = new PanicWipe(dir).wipe();
        for (Path file : report.wiped()) {
            out.println("wiped " + file);
        }
        for (String failure : report.failures()) {
            err.println("habarshy: could not wipe " + failure);
        }
        if (!report.kept().isEmpty()) {
            err.println("habarshy: kept " + report.kept().size() + " file(s) Habarshy did not create, and so the "
                    + "directory " + dir + ": " + report.kept());
        }
        if (report.complete()) {
            out.println(report.wiped().isEmpty() ? "No Habarshy files were in " + dir + "." : "Wiped " + dir + ".");
        }
        out.flush();
        err.flush();
        return report.complete() ? 0 : UserMessages.FAILURE;
    }

    private boolean confirmed(Path dir, PrintWriter err) {
        Terminal terminal = HabarshyCommand.terminal(spec);
        if (!terminal.interactive()) {
            err.println("habarshy: not wiping without confirmation; there is no terminal to ask, so add --yes");
            return false;
        }
        String answer = terminal.readLine("This destroys your identity keys, contacts and messages in " + dir
                + " for good. Type " + CONFIRMATION + " to confirm: ");
        if (answer == null || !answer.strip().equals(CONFIRMATION)) {
            err.println("habarshy: not confirmed; nothing was wiped");
            return false;
        }
        return true;
    }
}

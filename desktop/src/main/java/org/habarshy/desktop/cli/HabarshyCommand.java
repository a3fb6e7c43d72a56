package org.habarshy.desktop.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code habarshy} command and its subcommands. */
@Command(name = "habarshy", mixinStandardHelpOptions = true, version = "habarshy 0.1.0",
        description = "Offline-first, end-to-end encrypted mesh messenger.",
        subcommands = {InitCommand.class, IdCommand.class, ContactCommand.class, RunCommand.class,
                SendCommand.class, MessagesCommand.class, StatusCommand.class})
public final class HabarshyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Returns a configured command line. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new HabarshyCommand());
        cli.setExecutionExceptionHandler(HabarshyCommand::handle);
        // Text and JSON are UTF-8 whatever the locale says (Kazakh and Russian must never turn into '?').
        cli.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true));
        return cli;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parse) {
        PrintWriter err = cli.getErr();
        err.println("habarshy: " + UserMessages.of(e));
        err.flush();
        return UserMessages.exitCode(e);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

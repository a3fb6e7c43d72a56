package org.habarshy.desktop.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code habarshy} command and its subcommands. */
@Command(name = "habarshy", mixinStandardHelpOptions = true, version = "habarshy 0.1.0",
        description = "Offline-first, end-to-end encrypted mesh messenger.",
        subcommands = {InitCommand.class, IdCommand.class, ContactCommand.class, RunCommand.class,
                SendCommand.class, MessagesCommand.class, StatusCommand.class, PassphraseCommand.class,
                SettingsCommand.class, PanicCommand.class, SimCommand.class,
                ChannelCommand.class,
                SendFileCommand.class, FilesCommand.class, ReportCommand.class, ReportsCommand.class,
                SmsCommand.class,
                RelayClientCommand.class, MailboxCommand.class,
                GroupCommand.class})
public final class HabarshyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Terminal terminal;

    private HabarshyCommand(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    /** Returns a configured command line on the process's console, environment and standard streams. */
    public static CommandLine newCommandLine() {
        CommandLine cli = newCommandLine(new SystemTerminal());
        // Text and JSON are UTF-8 whatever the locale says (Kazakh and Russian must never turn into '?').
        cli.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true));
        return cli;
    }

    /** Returns a configured command line that asks and reads the environment through {@code terminal}. */
    static CommandLine newCommandLine(Terminal terminal) {
        CommandLine cli = new CommandLine(new HabarshyCommand(terminal));
        cli.setExecutionExceptionHandler(HabarshyCommand::handle);
        return cli;
    }

    /** Returns the terminal of the command line that {@code spec} belongs to. */
    static Terminal terminal(CommandLine.Model.CommandSpec spec) {
        return ((HabarshyCommand) spec.root().userObject()).terminal;
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

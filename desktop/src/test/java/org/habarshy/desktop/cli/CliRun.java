package org.habarshy.desktop.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the command line: exit code, standard output and standard error. */
record CliRun(int exitCode, String out, String err) {
    /** Runs {@code args} against {@code terminal} and captures what the command printed. */
    static CliRun of(Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HabarshyCommand.newCommandLine(terminal);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}

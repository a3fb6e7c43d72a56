package org.habarshy.desktop;

import org.habarshy.desktop.cli.HabarshyCommand;

/** Entry point of {@code habarshy.jar}: the command line (the GUI arrives with its own issue). */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        LoggingSetup.install();
        System.exit(HabarshyCommand.newCommandLine().execute(args));
    }
}

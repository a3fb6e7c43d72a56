package org.habarshy.relay;

import org.habarshy.relay.cli.RelayCommand;

/** Entry point of {@code habarshy-relay.jar}. */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        LoggingSetup.install();
        System.exit(RelayCommand.newCommandLine().execute(args));
    }
}

package org.habarshy.desktop;

import org.habarshy.desktop.cli.HabarshyCommand;
import org.habarshy.desktop.gui.DesktopApp;
import org.habarshy.desktop.launch.SharedArchiveLauncher;

/**
 * Entry point of {@code habarshy.jar}: with no arguments and a display, the desktop app; otherwise (a subcommand, or
 * no display) the command line, exactly as before.
 */
public final class Main {
    private Main() {
    }

    /** Opens the desktop app, or runs the command line and exits with its status. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 && DesktopApp.displayAvailable()) {
            // Faster start-up: the app in a child JVM with a class-data-sharing archive, when that is possible.
            java.util.OptionalInt status = SharedArchiveLauncher.relaunch(args);
            if (status.isPresent()) {
                System.exit(status.getAsInt());
            }
        }
        LoggingSetup.install();
        if (args.length == 0 && DesktopApp.displayAvailable()) {
            try {
                DesktopApp.main();
                return;
            } catch (java.awt.AWTError | LinkageError | IllegalStateException e) {
                // DISPLAY is set but no X server answers (or the window could not be built): say so, then the CLI.
                HabarshyCommand.newCommandLine().getErr().println("habarshy: cannot open the desktop app ("
                        + e.getMessage() + "); use a subcommand, e.g. 'habarshy run'");
            }
        }
        System.exit(HabarshyCommand.newCommandLine().execute(args));
    }
}

package org.habarshy.desktop.cli;

import java.io.Console;

/** The real terminal: {@link System#console()} (present when stdin and stdout are a terminal) and the environment. */
final class SystemTerminal implements Terminal {
    @Override
    public boolean interactive() {
        return System.console() != null;
    }

    @Override
    public char[] readPassword(String prompt) {
        Console console = System.console();
        return console == null ? null : console.readPassword("%s", prompt);
    }

    @Override
    public String readLine(String prompt) {
        Console console = System.console();
        return console == null ? null : console.readLine("%s", prompt);
    }

    @Override
    public String environment(String name) {
        return System.getenv(name);
    }
}

package org.habarshy.desktop.cli;

/** The person at the keyboard and the environment a command runs in; tests put a fake in its place. */
interface Terminal {
    /** Returns true if a person can be asked: a console is attached. */
    boolean interactive();

    /** Shows {@code prompt} and reads a line without echoing it; returns null at end of input or without console. */
    char[] readPassword(String prompt);

    /** Shows {@code prompt} and reads a line; returns null at end of input or without a console. */
    String readLine(String prompt);

    /** Returns the environment variable {@code name}, or null if it is not set. */
    String environment(String name);
}

package org.habarshy.desktop.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted terminal: interactive or not, with typed answers queued in order and an environment map. It keeps
 * every passphrase it handed out, so tests can check the command wiped them.
 */
final class FakeTerminal implements Terminal {
    private final boolean interactive;
    private final Deque<String> answers = new ArrayDeque<>();
    private final Map<String, String> environment = new HashMap<>();
    final List<String> prompts = new ArrayList<>();
    final List<char[]> handedOut = new ArrayList<>();

    private FakeTerminal(boolean interactive) {
        this.interactive = interactive;
    }

    /** A terminal with no console, as under CI or a service manager. */
    static FakeTerminal none() {
        return new FakeTerminal(false);
    }

    /** A console on which the person types {@code answers}, one per prompt. */
    static FakeTerminal typing(String... answers) {
        FakeTerminal terminal = new FakeTerminal(true);
        terminal.answers.addAll(List.of(answers));
        return terminal;
    }

    FakeTerminal with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public char[] readPassword(String prompt) {
        String answer = readLine(prompt);
        if (answer == null) {
            return null;
        }
        char[] chars = answer.toCharArray();
        handedOut.add(chars);
        return chars;
    }

    @Override
    public String readLine(String prompt) {
        if (!interactive) {
            throw new AssertionError("asked without a terminal: " + prompt);
        }
        prompts.add(prompt);
        return answers.poll();
    }

    @Override
    public String environment(String name) {
        return environment.get(name);
    }

    /** Returns true if every passphrase handed out has been overwritten with zeros. */
    boolean allWiped() {
        return handedOut.stream().allMatch(chars -> new String(chars).chars().allMatch(c -> c == 0));
    }
}

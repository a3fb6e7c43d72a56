package org.habarshy.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.testing.Await;

/**
 * One {@code habarshy} child JVM ({@code org.habarshy.desktop.Main} on the test class path) whose
 * stdout and stderr go to files, so they can be read while it runs and shown when a test fails.
 * {@link #close} kills it (SIGKILL) if it is still alive and waits for it.
 */
final class HabarshyProcess implements AutoCloseable {
    /** Bounds waits for a process to exit or to be reaped after a kill; a failing test only, never a speed check. */
    static final Duration EXIT_LIMIT = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path stdoutFile;
    private final Path stderrFile;

    private HabarshyProcess(String name, Process process, Path stdoutFile, Path stderrFile) {
        this.name = name;
        this.process = process;
        this.stdoutFile = stdoutFile;
        this.stderrFile = stderrFile;
    }

    /**
     * Starts {@code habarshy args...}. Output goes to {@code logDir/name.out} and {@code name.err}.
     *
     * @param launcherPrefix words put before the {@code java} command (e.g. {@code env --default-signal=INT})
     * @param userHome the child's {@code user.home}, so nothing can touch the real {@code ~/.habarshy}
     */
    static HabarshyProcess start(String name, Path logDir, List<String> launcherPrefix, Path userHome,
                                 List<String> args) throws IOException {
        List<String> command = new ArrayList<>(launcherPrefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        // Quicker start-up of many short-lived JVMs on a small machine; behaviour is unchanged.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Duser.home=" + userHome);
        // sqlite-jdbc extracts its native library to a temporary directory and, at every start, deletes the copies
        // there whose owner has gone. Children starting and exiting at once in a shared /tmp race on that (one
        // deletes a copy the other is deleting) and print a stack trace; SIGKILLed children left copies behind.
        // Its own directory per child, under the test's temporary directory, has neither problem.
        Path sqliteNative = Files.createDirectories(logDir.resolve(name + ".sqlite-native"));
        command.add("-Dorg.sqlite.tmpdir=" + sqliteNative);
        command.add("org.habarshy.desktop.Main");
        command.addAll(args);
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        // A UTF-8 locale whatever the CI has: the JVM decodes argv and encodes stdout with it.
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        // Keep "Picked up ..." lines and foreign agents out of the child's output.
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("_JAVA_OPTIONS");
        // Children run the CLI: never the GUI, even when the test JVM has a display (the GUI tests set one).
        env.remove("DISPLAY");
        return new HabarshyProcess(name, builder.start(), out, err);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stdout() {
        return read(stdoutFile);
    }

    String stderr() {
        return read(stderrFile);
    }

    /** Waits for the process to exit and returns its status; fails (with its output) if it does not. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + limit.toSeconds() + " s\n" + tail());
        }
        return process.exitValue();
    }

    /** Waits until stdout or stderr contains {@code text}; fails at once if the process exits first. */
    void awaitOutput(String text, Duration limit) throws Exception {
        try {
            Await.until(name + " to print '" + text + "'", limit, () -> {
                if (stderr().contains(text) || stdout().contains(text)) {
                    return true;
                }
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited with " + process.exitValue()
                            + " before printing '" + text + "'");
                }
                return false;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + tail(), e);
        }
    }

    /** Sends a signal ({@code "INT"}, {@code "TERM"}) with {@code kill -SIG pid}. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        if (!kill.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            kill.destroyForcibly();
            throw new AssertionError("kill -" + signal + " did not finish");
        }
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (kill.exitValue() != 0) {
            throw new AssertionError("kill -" + signal + " " + process.pid() + " failed: " + said);
        }
    }

    /**
     * Returns whether this process ignores {@code signal} (a number), from {@code /proc/PID/status}; a process
     * started in the background by a shell without job control ignores SIGINT, and its children inherit that.
     */
    boolean ignoresSignal(int signal) throws IOException {
        return SignalMask.ignored(Path.of("/proc", Long.toString(process.pid()), "status"), signal);
    }

    /** Kills the process (SIGKILL) and waits for it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " survived SIGKILL");
        }
    }

    /** The last lines of stdout and stderr, for failure messages. */
    String tail() {
        return "--- " + name + " stdout (last " + TAIL_LINES + " lines) ---\n" + lastLines(stdout())
                + "--- " + name + " stderr (last " + TAIL_LINES + " lines) ---\n" + lastLines(stderr());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        process.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String lastLines(String text) {
        List<String> lines = text.lines().toList();
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /** Reads the ignored-signal mask of a process. */
    static final class SignalMask {
        private SignalMask() {
        }

        static boolean ignored(Path procStatus, int signal) throws IOException {
            for (String line : Files.readAllLines(procStatus)) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                    return (mask & (1L << (signal - 1))) != 0;
                }
            }
            return false;
        }
    }
}

package org.habarshy.desktop.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.testing.Await;

/**
 * The X display GUI tests draw on. Maven's "gui-tests" execution sets {@code DISPLAY} (default {@code :87}); if no
 * X server answers there, this starts Xvfb on it and stops it at {@link #close}. A test asks
 * {@link #availability()} and skips with its reason when there is no display and no Xvfb. Xvfb runs with
 * {@code -terminate}: it exits by itself when the last client (this JVM) disconnects. It is never killed while the
 * JVM is connected, because AWT's X11 toolkit exits the whole JVM when its display goes away.
 */
public final class XvfbDisplay implements AutoCloseable {
    private final Process xvfb;

    private XvfbDisplay(Process xvfb) {
        this.xvfb = xvfb;
    }

    /** Returns why GUI tests cannot run here, or empty if they can (after {@link #start}). */
    public static Optional<String> availability() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            return Optional.of("no DISPLAY: run GUI tests through Maven (its gui-tests execution sets DISPLAY and "
                    + "starts Xvfb) or set DISPLAY");
        }
        if (socket(display).map(Files::exists).orElse(false)) {
            return Optional.empty();
        }
        if (onPath("Xvfb").isEmpty()) {
            return Optional.of("no X server on DISPLAY " + display + " and Xvfb is not installed "
                    + "(apt-get install xvfb; .ci/run installs it)");
        }
        return Optional.empty();
    }

    /** Starts Xvfb on {@code $DISPLAY} unless an X server already answers there. */
    public static XvfbDisplay start() throws IOException, Exception {
        String display = System.getenv("DISPLAY");
        Optional<Path> socket = socket(display);
        if (socket.isEmpty() || Files.exists(socket.get())) {
            return new XvfbDisplay(null);
        }
        Process process = new ProcessBuilder(onPath("Xvfb").get().toString(), display, "-screen", "0",
                "1280x900x24", "-nolisten", "tcp", "-terminate")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Await.until("Xvfb listening on " + display, Duration.ofSeconds(20),
                () -> Files.exists(socket.get()) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IOException("Xvfb " + display + " exited with " + process.exitValue());
        }
        return new XvfbDisplay(process);
    }

    private static Optional<Path> socket(String display) {
        if (display == null || !display.startsWith(":")) {
            return Optional.empty();
        }
        String number = display.substring(1).split("\\.")[0];
        return Optional.of(Path.of("/tmp/.X11-unix/X" + number));
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : List.of(path.split(":"))) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Returns whether this started the Xvfb process (which ends with the last client). */
    public boolean started() {
        return xvfb != null;
    }

    /** Nothing to do: Xvfb ends when this JVM, its last client, disconnects. */
    @Override
    public void close() {
    }
}

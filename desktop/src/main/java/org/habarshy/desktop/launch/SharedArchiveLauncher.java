package org.habarshy.desktop.launch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Makes {@code java -jar habarshy.jar} start the desktop app faster without any extra flag: the app runs in a child
 * JVM that maps a dynamic class-data-sharing archive (AppCDS) of the app's classes — parsed, verified and laid out
 * once, so about 2,700 classes of Swing, FlatLaf, SQLite, Netty and our own load without reading and verifying
 * them again. Java 17 cannot turn that on from the jar manifest, and {@code -XX:+AutoCreateSharedArchive} needs
 * Java 19, so the JVM the user started (which loads a few dozen classes) starts the child with the archive option
 * and waits for it, passing on its options, standard streams, exit status and termination.
 *
 * <p>The first run has no archive: its child writes one when it exits ({@code -XX:ArchiveClassesAtExit}), to a
 * partial file moved into place only after a clean exit. Archives live in {@code $XDG_CACHE_HOME/habarshy/cds}
 * (default {@code ~/.cache}, owner-only), one per jar build and Java version; older ones are removed. An archive
 * holds classes only, no user data. If anything is unusual — a subcommand, no display, {@code -Dhabarshy.cds=off},
 * class-data-sharing options given by the user, another command-line shape, a child that cannot start — the app
 * runs in this JVM as before.
 */
public final class SharedArchiveLauncher {
    /** Exit status of a JVM that aborted (SIGABRT, 128 + 6), as HotSpot does on a fatal error. */
    private static final int JVM_CRASH_STATUS = 134;

    private SharedArchiveLauncher() {
    }

    /**
     * Runs the app in a child JVM with the archive if it should; returns the child's exit status, or empty when
     * the caller must run the app itself.
     */
    public static OptionalInt relaunch(String[] args) {
        try {
            Optional<LaunchPlan> plan = plan(args);
            if (plan.isEmpty()) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(run(plan.get()));
        } catch (IOException | RuntimeException e) {
            // Logged only here, so that the logging system is not started on the fast path.
            System.getLogger(SharedArchiveLauncher.class.getName()).log(System.Logger.Level.DEBUG,
                    "starting without a class-data-sharing archive: " + e);
            return OptionalInt.empty();
        }
    }

    private static Optional<LaunchPlan> plan(String[] args) throws IOException {
        if (args.length > 0 || System.getProperty(LaunchPlan.MARKER) != null) {
            return Optional.empty();
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        Optional<String> java = info.command();
        Optional<String[]> line = info.arguments();
        Path jar = ownJar();
        if (java.isEmpty() || line.isEmpty() || jar == null) {
            return Optional.empty();
        }
        Path cache = cacheDirectory();
        String stamp = new StringBuilder().append(Files.size(jar)).append('-')
                .append(Files.getLastModifiedTime(jar).toMillis()).toString();
        Optional<Instant> started = info.startInstant();
        long launchedAt = started.isPresent() ? started.get().toEpochMilli() : System.currentTimeMillis();
        int feature = Runtime.version().feature();
        boolean exists = Files.isRegularFile(LaunchPlan.archive(cache, stamp, feature));
        return LaunchPlan.of(args, System.getProperty(LaunchPlan.MARKER), feature, java.get(),
                List.of(line.get()), jar, cache, stamp, ProcessHandle.current().pid(), launchedAt, exists);
    }

    /** The jar this class came from, if the class path is exactly that one jar. */
    private static Path ownJar() {
        try {
            java.security.CodeSource source = SharedArchiveLauncher.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI()).toAbsolutePath();
            String classPath = System.getProperty("java.class.path", "");
            boolean onlyJar = Path.of(classPath).toAbsolutePath().equals(jar);
            return onlyJar && jar.toString().endsWith(".jar") && Files.isRegularFile(jar) ? jar : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static Path cacheDirectory() throws IOException {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        Path dir = base.resolve("habarshy").resolve("cds");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the user's cache directory's own protection applies.
            }
        }
        return dir;
    }

    private static int run(LaunchPlan plan) throws IOException {
        Process child = new ProcessBuilder(plan.command()).inheritIO().start();
        // A SIGTERM or SIGINT to this JVM ends the app too (the child closes its node in its own hooks).
        Thread stop = new Thread(new Runnable() {
            @Override
            public void run() {
                if (child.isAlive()) {
                    child.destroy();
                    try {
                        child.waitFor();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }, "habarshy-cds-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int status;
        try {
            status = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return 1;
        }
        if (plan.writesArchive()) {
            keepArchive(plan, status);
        } else if (status == JVM_CRASH_STATUS) {
            // A JVM that aborted while using the archive: do not trust it again; the next start writes a new one.
            Files.deleteIfExists(plan.archive());
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // Already exiting: the hook finds the child gone.
        }
        return status;
    }

    /** Moves a completely written archive into place and removes archives of other builds; else drops it. */
    private static void keepArchive(LaunchPlan plan, int status) throws IOException {
        Path partial = plan.partial();
        if (status != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
            Files.deleteIfExists(partial);
            return;
        }
        Files.move(partial, plan.archive(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(plan.archive().getParent(), "habarshy-*.jsa")) {
            for (Path p : old) {
                if (!p.equals(plan.archive())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}

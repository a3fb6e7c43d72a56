package org.habarshy.desktop.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to start the app in a child JVM with a class-data-sharing archive: pure decisions from what the parent JVM
 * knows, so they are tested without starting processes.
 *
 * @param command the child's command line
 * @param archive the archive the child maps, or will write
 * @param writesArchive true if the child writes the archive at exit (to {@code partial}) rather than maps it
 * @param partial where the child writes a new archive; moved to {@code archive} after a clean exit
 */
public record LaunchPlan(List<String> command, Path archive, boolean writesArchive, Path partial) {
    /** System property set on the child (and {@code off} to never relaunch). */
    public static final String MARKER = "habarshy.cds";
    /** System property carrying the parent's start, Unix ms, for the start-up benchmark. */
    public static final String LAUNCHED_AT = "habarshy.launchedAt";
    /**
     * JIT options for the child, unless the user set tiered-compilation options: the optimising compiler (C2)
     * waits for four times the default invocation and loop counts, so it does not spend start-up compiling code
     * that is hot only while the window is being built (measured: about 0.3 s less CPU to a usable window, see
     * docs/BENCHMARKS.md); code that stays hot (crypto, sync) is still compiled by C2, a little later.
     */
    static final List<String> STARTUP_JIT = List.of("-XX:Tier4InvocationThreshold=20000",
            "-XX:Tier4MinInvocationThreshold=2400", "-XX:Tier4CompileThreshold=60000",
            "-XX:Tier4BackEdgeThreshold=160000");
    /** The entry point the child runs. */
    static final String MAIN_CLASS = "org.habarshy.desktop.Main";

    /** Copies the command. */
    public LaunchPlan {
        command = List.copyOf(command);
    }

    /**
     * Returns the plan, or empty when the app should run in this JVM: a subcommand was given; the marker is set
     * (this is the child, or the user said {@code -Dhabarshy.cds=off}); the JVM is older than 13 (no dynamic
     * archives); the user chose class-data-sharing options themselves; or the command line is not
     * {@code java [options] -jar JAR} nor {@code java [options] -cp JAR Main} (then we cannot repeat it faithfully).
     *
     * @param args the app's arguments
     * @param marker the value of {@link #MARKER}, or null
     * @param javaFeature the running JVM's feature version
     * @param java the running {@code java} executable
     * @param jvmCommandLine the arguments of this process after the executable
     * @param jar the jar this class was loaded from
     * @param cacheDir the directory for archives (per user)
     * @param jarStamp identifies the jar's build (size and modification time)
     * @param pid this process's id, names the partial archive
     * @param launchedAt this process's start, Unix ms
     * @param archiveExists whether {@link #archive} for this jar and JVM exists
     */
    public static Optional<LaunchPlan> of(String[] args, String marker, int javaFeature, String java,
                                          List<String> jvmCommandLine, Path jar, Path cacheDir, String jarStamp,
                                          long pid, long launchedAt, boolean archiveExists) {
        // No lambdas and no string '+' here: each would bootstrap method handles in the launching JVM, whose only
        // job is to start the app quickly (tens of milliseconds of CPU measured).
        if (args.length > 0 || marker != null || javaFeature < 13) {
            return Optional.empty();
        }
        Optional<List<String>> options = jvmOptions(jvmCommandLine, jar);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        boolean userJit = false;
        for (String option : options.get()) {
            if (choosesSharing(option)) {
                return Optional.empty();
            }
            userJit |= option.startsWith("-XX:Tier") || option.contains("TieredCompilation");
        }
        Path archive = archive(cacheDir, jarStamp, javaFeature);
        String name = archive.getFileName().toString();
        Path partial = cacheDir.resolve(new StringBuilder(name.substring(0, name.length() - ".jsa".length()))
                .append('.').append(pid).append(".partial").toString());
        boolean write = !archiveExists;
        List<String> command = new ArrayList<>();
        command.add(java);
        if (!userJit) {
            command.addAll(STARTUP_JIT);
        }
        command.addAll(options.get());
        command.add(write ? "-XX:ArchiveClassesAtExit=".concat(partial.toString())
                : "-XX:SharedArchiveFile=".concat(archive.toString()));
        // CRCs written with the archive and checked when it is mapped: a damaged archive is refused (the JVM then
        // loads classes normally) instead of crashing the JVM, which is what an unchecked one was seen to do.
        command.add("-XX:+VerifySharedSpaces");
        // An archive the JVM cannot use (another JDK build) is skipped with a warning; keep the output quiet.
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.add("-D" + MARKER + "=child");
        command.add(("-D" + LAUNCHED_AT + "=").concat(Long.toString(launchedAt)));
        command.add("-cp");
        command.add(jar.toString());
        command.add(MAIN_CLASS);
        return Optional.of(new LaunchPlan(command, archive, write, partial));
    }

    /** Returns the archive for the jar build {@code jarStamp} and Java {@code javaFeature} in {@code cacheDir}. */
    public static Path archive(Path cacheDir, String jarStamp, int javaFeature) {
        return cacheDir.resolve(new StringBuilder("habarshy-").append(jarStamp).append("-java").append(javaFeature)
                .append(".jsa").toString());
    }

    /** The options before {@code -jar JAR} or {@code -cp JAR Main}, if the command line is one of those. */
    private static Optional<List<String>> jvmOptions(List<String> line, Path jar) {
        int n = line.size();
        if (n >= 2 && line.get(n - 2).equals("-jar") && Path.of(line.get(n - 1)).toAbsolutePath().equals(jar)) {
            return Optional.of(line.subList(0, n - 2));
        }
        if (n >= 3 && line.get(n - 1).equals(MAIN_CLASS) && List.of("-cp", "-classpath", "--class-path")
                .contains(line.get(n - 3)) && Path.of(line.get(n - 2)).toAbsolutePath().equals(jar)) {
            return Optional.of(line.subList(0, n - 3));
        }
        return Optional.empty();
    }

    private static boolean choosesSharing(String option) {
        return option.startsWith("-Xshare") || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-XX:ArchiveClassesAtExit") || option.startsWith("-XX:+AutoCreateSharedArchive")
                || option.startsWith("-XX:SharedClassListFile") || option.startsWith("-XX:DumpLoadedClassList")
                || option.startsWith("-jar") || option.startsWith("-cp") || option.startsWith("-classpath")
                || option.startsWith("--class-path") || option.startsWith("--module-path") || option.startsWith("-p");
    }
}

package org.habarshy.desktop.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the app is started again in a child JVM with a class-data-sharing archive, and with which command. */
class LaunchPlanTest {
    private static final Path JAR = Path.of("/opt/habarshy/habarshy.jar");
    private static final Path CACHE = Path.of("/home/a/.cache/habarshy/cds");

    private static Optional<LaunchPlan> plan(String[] args, String marker, int feature, List<String> line,
                                             boolean archiveExists) {
        return LaunchPlan.of(args, marker, feature, "/usr/bin/java", line, JAR, CACHE, "123-456", 42, 1000,
                archiveExists);
    }

    @Test
    void theFirstRunWritesTheArchiveAtExitAndLaterRunsMapIt() {
        List<String> line = List.of("-Duser.home=/home/a", "-Xmx512m", "-jar", JAR.toString());
        LaunchPlan first = plan(new String[0], null, 17, line, false).orElseThrow();
        assertThat(first.writesArchive()).isTrue();
        assertThat(first.archive()).isEqualTo(CACHE.resolve("habarshy-123-456-java17.jsa"));
        assertThat(first.partial()).isEqualTo(CACHE.resolve("habarshy-123-456-java17.42.partial"));
        assertThat(first.command()).containsSubsequence("/usr/bin/java", "-Duser.home=/home/a", "-Xmx512m",
                "-XX:ArchiveClassesAtExit=" + first.partial(), "-Dhabarshy.cds=child", "-Dhabarshy.launchedAt=1000",
                "-cp", JAR.toString(), "org.habarshy.desktop.Main");
        assertThat(first.command().get(first.command().size() - 1)).isEqualTo("org.habarshy.desktop.Main");
        assertThat(first.command()).containsAll(LaunchPlan.STARTUP_JIT).contains("-XX:+VerifySharedSpaces");
        assertThat(plan(new String[0], null, 17, List.of("-XX:TieredStopAtLevel=1", "-jar", JAR.toString()), false)
                .orElseThrow().command()).as("the user's JIT choice wins").doesNotContainAnyElementsOf(
                        LaunchPlan.STARTUP_JIT).contains("-XX:TieredStopAtLevel=1");

        LaunchPlan later = plan(new String[0], null, 17, line, true).orElseThrow();
        assertThat(later.writesArchive()).isFalse();
        assertThat(later.command()).contains("-XX:SharedArchiveFile=" + later.archive())
                .contains("-XX:+VerifySharedSpaces").noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void aClassPathStartOfTheMainClassIsRepeatedToo() {
        List<String> line = List.of("-cp", JAR.toString(), "org.habarshy.desktop.Main");
        assertThat(plan(new String[0], null, 17, line, true)).isPresent();
    }

    @Test
    void theAppRunsInThisJvmWhenRelaunchingWouldNotBeFaithfulOrWanted() {
        List<String> plain = List.of("-jar", JAR.toString());
        assertThat(plan(new String[] {"run"}, null, 17, plain, true)).as("a subcommand").isEmpty();
        assertThat(plan(new String[0], "child", 17, plain, true)).as("already the child").isEmpty();
        assertThat(plan(new String[0], "off", 17, plain, true)).as("turned off").isEmpty();
        assertThat(plan(new String[0], null, 11, plain, true)).as("no dynamic archives before 13").isEmpty();
        assertThat(plan(new String[0], null, 17, List.of("-Xshare:off", "-jar", JAR.toString()), true))
                .as("the user chose sharing options").isEmpty();
        assertThat(plan(new String[0], null, 17, List.of("-XX:SharedArchiveFile=/x.jsa", "-jar", JAR.toString()),
                true)).isEmpty();
        assertThat(plan(new String[0], null, 17, List.of("-jar", "/elsewhere/other.jar"), true))
                .as("another jar").isEmpty();
        assertThat(plan(new String[0], null, 17, List.of("-cp", JAR + ":/extra.jar", "org.habarshy.desktop.Main"),
                true)).as("a longer class path").isEmpty();
        assertThat(plan(new String[0], null, 17, List.of(), true)).as("no command line").isEmpty();
    }
}

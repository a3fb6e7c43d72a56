package org.habarshy.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Keeps a committed Jazzer seed corpus in step with the recipe that made it. Jazzer reads the inputs of
 * fuzz test {@code C#m} from the test resource directory {@code <package of C>/<C>Inputs/<m>/} and, in
 * regression mode (the default), runs each file as a test case. A fuzz test class names its seeds in
 * code (what each one is and why) and checks here that every named file is committed with exactly those
 * bytes; other files in the directory (say, a minimised crash added as a regression test) are left alone.
 *
 * <p>Run with {@code -Dhabarshy.fuzz.writeSeeds=true} to write the files under {@code src/test/resources}
 * of the module instead, then run again without it.
 */
public final class SeedCorpus {
    /** System property that makes {@link #check} write the seeds instead of comparing them. */
    public static final String WRITE_PROPERTY = "habarshy.fuzz.writeSeeds";

    private SeedCorpus() {
    }

    /** Returns the resource directory, relative to the class's package, that Jazzer reads for {@code method}. */
    public static String inputsDirectory(Class<?> fuzzTestClass, String method) {
        return fuzzTestClass.getSimpleName() + "Inputs/" + method + "/";
    }

    /**
     * Fails listing every seed of {@code fuzzTestClass#method} that is missing or differs from its recipe, or
     * writes them all if {@link #WRITE_PROPERTY} is set.
     */
    public static void check(Class<?> fuzzTestClass, String method, Map<String, byte[]> seeds) throws IOException {
        String directory = inputsDirectory(fuzzTestClass, method);
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Path target = Path.of(System.getProperty("basedir", "."), "src", "test", "resources",
                    fuzzTestClass.getPackageName().replace('.', '/'), directory);
            Files.createDirectories(target);
            for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
                Files.write(target.resolve(seed.getKey()), seed.getValue());
            }
            return;
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            try (InputStream in = fuzzTestClass.getResourceAsStream(directory + seed.getKey())) {
                if (in == null || !Arrays.equals(in.readAllBytes(), seed.getValue())) {
                    stale.add(seed.getKey());
                }
            }
        }
        if (!stale.isEmpty()) {
            throw new AssertionError("seed corpus " + directory + " is out of date for " + stale
                    + "; regenerate it with -D" + WRITE_PROPERTY + "=true");
        }
    }
}

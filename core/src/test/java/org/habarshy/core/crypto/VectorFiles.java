package org.habarshy.core.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared test-vector directory: the {@code habarshy.vectors} system property (set by the root
 * POM's surefire configuration), else {@code ../shared/vectors} next to the project root found by walking up
 * from the working directory.
 */
final class VectorFiles {
    private VectorFiles() {
    }

    /** Returns the path of {@code relative} under the vectors directory; it may not exist. */
    static Path resolve(String relative) {
        String property = System.getProperty("habarshy.vectors");
        if (property != null && !property.isBlank() && Files.isDirectory(Paths.get(property))) {
            return Paths.get(property).resolve(relative).normalize();
        }
        return projectRoot().resolve("../shared/vectors").resolve(relative).normalize();
    }

    private static Path projectRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("core"))
                    && Files.isDirectory(p.resolve("proto"))) {
                return p;
            }
        }
        return dir;
    }
}

package org.habarshy.desktop.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by every command. */
final class DataDirOption {
    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ~/.habarshy).")
    Path dir;

    Path resolve() {
        return dir != null ? dir : Path.of(System.getProperty("user.home"), ".habarshy");
    }
}

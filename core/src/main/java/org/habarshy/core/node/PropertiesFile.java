package org.habarshy.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * A small properties file that readers in other processes see whole or not at all: written to a sibling temporary
 * file and moved over the old one (atomically where the file system can). Used for the status files that a
 * running node or relay rewrites and {@code status} commands read.
 */
public final class PropertiesFile {
    private final Path file;

    /** Creates access to {@code file}; nothing is read or written yet. */
    public PropertiesFile(Path file) {
        this.file = file;
    }

    /** Returns the path of the file. */
    public Path path() {
        return file;
    }

    /** Replaces the file with {@code properties}. */
    public void write(Properties properties) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            properties.store(out, null);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Returns the properties in the file, or empty if there is no file. */
    public Optional<Properties> read() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(properties);
    }

    /** Removes the file if it exists. */
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}

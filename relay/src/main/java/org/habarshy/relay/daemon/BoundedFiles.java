package org.habarshy.relay.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads small files whose size a relay must bound before allocating (lists, passphrases, keys). */
final class BoundedFiles {
    private BoundedFiles() {
    }

    /** Returns the file's bytes, or throws if it holds more than {@code max} bytes. */
    static byte[] read(Path file, int max, String what) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new IOException(what + " is larger than " + max + " bytes: " + file.getFileName());
            }
            return bytes;
        }
    }
}

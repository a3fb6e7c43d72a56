package org.habarshy.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.crypto.FileDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving a received file onto a full disk (a 1 MiB tmpfs, so the test needs root to mount it) fails with a clear
 * error, leaves no partial file behind, and loses nothing: the same chunks save completely elsewhere afterwards.
 */
class FileExportDiskFullTest {
    @TempDir
    Path tmp;
    private Path mounted;

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    @Test
    void aFullDiskIsAClearErrorAndLeavesNothingHalfWritten() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root");
        Path small = Files.createDirectory(tmp.resolve("small"));
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString()) == 0,
                "mount -t tmpfs is not available here");
        mounted = small;
        byte[] file = new byte[3 * 1024 * 1024];
        Arrays.fill(file, (byte) 7);
        FileDigest digest = new FileDigest();
        digest.update(file);
        byte[] hash = digest.finish();
        int chunk = 192 * 1024;
        FileExport.ChunkSource chunks = i -> Arrays.copyOfRange(file, i * chunk, Math.min(file.length, (i + 1) * chunk));
        int count = (file.length + chunk - 1) / chunk;

        assertThatThrownBy(() -> FileExport.save(small, "photo.jpg", count, hash, chunks))
                .isInstanceOf(AttachmentException.class)
                .hasMessageContaining("nothing was saved and the received file is kept")
                .satisfies(e -> assertThat(((AttachmentException) e).reason())
                        .isEqualTo(AttachmentException.Reason.IO));
        try (var left = Files.list(small)) {
            assertThat(left).as("no partial file left on the full disk").isEmpty();
        }
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Path saved = FileExport.save(elsewhere, "photo.jpg", count, hash, chunks);
        assertThat(Files.readAllBytes(saved)).isEqualTo(file);
    }

    @Test
    void aHashMismatchAtSaveTimeLeavesNoFile() throws Exception {
        byte[] file = "some bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FileExport.save(tmp, "a.txt", 1, new byte[32], i -> file))
                .isInstanceOf(AttachmentException.class).hasMessageContaining("SHA-256");
        try (var left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }
}

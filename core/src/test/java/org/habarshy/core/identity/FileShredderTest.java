package org.habarshy.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overwriting replaces every byte in place; shredding deletes; symbolic links are never followed. */
class FileShredderTest {
    @TempDir
    Path dir;

    private final FileShredder shredder = new FileShredder();

    @Test
    void overwritesEveryByteInPlace() throws Exception {
        Path file = dir.resolve("secret.db");
        byte[] original = new byte[200 * 1024 + 17];
        Arrays.fill(original, (byte) 'A');
        Files.write(file, original);
        Path sameInode = dir.resolve("another-name");
        Files.createLink(sameInode, file);

        shredder.overwrite(file);

        byte[] after = Files.readAllBytes(sameInode);
        assertThat(after).hasSameSizeAs(original);
        long unchanged = 0;
        for (byte b : after) {
            unchanged += b == 'A' ? 1 : 0;
        }
        assertThat(unchanged).as("bytes still 'A' (about 1 in 256 by chance)").isLessThan(original.length / 100);
    }

    @Test
    void shredDeletesAndReportsAbsence() throws Exception {
        Path file = dir.resolve("identity.key");
        Files.write(file, new byte[] {1, 2, 3});
        assertThat(shredder.shred(file)).isTrue();
        assertThat(file).doesNotExist();
        assertThat(shredder.shred(file)).isFalse();
        assertThatThrownBy(() -> shredder.overwrite(file)).isInstanceOf(NoSuchFileException.class);
        Path empty = Files.createFile(dir.resolve("empty"));
        assertThat(shredder.shred(empty)).isTrue();
    }

    @Test
    void aSymbolicLinkIsRemovedButItsTargetIsUntouched() throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside")).resolve("precious.txt");
        Files.writeString(outside, "not Habarshy's to destroy");
        Path link = Files.createSymbolicLink(dir.resolve("habarshy.db"), outside);

        assertThat(shredder.shred(link)).isTrue();

        assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readString(outside)).isEqualTo("not Habarshy's to destroy");
    }
}

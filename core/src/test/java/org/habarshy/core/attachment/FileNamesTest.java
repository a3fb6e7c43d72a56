package org.habarshy.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Names chosen by peers never escape the chosen directory or name a device, and stay readable. */
class FileNamesTest {
    @Test
    void pathsAreCutToTheLastSegment() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("..\\..\\Windows\\system.ini")).isEqualTo("system.ini");
        assertThat(FileNames.sanitize("/")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitize("..")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitize(".bashrc")).isEqualTo("bashrc");
        assertThat(FileNames.sanitize("")).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void controlAndReservedCharactersAreReplaced() {
        assertThat(FileNames.sanitize("a\u0000b\nc\u202Ed.txt")).isEqualTo("a_b_c_d.txt");
        assertThat(FileNames.sanitize("what?<is>:this|*.pdf")).isEqualTo("what__is__this__.pdf");
        assertThat(FileNames.sanitize("name. . ")).isEqualTo("name");
    }

    @Test
    void windowsDeviceNamesAreDefused() {
        assertThat(FileNames.sanitize("CON")).isEqualTo("_CON");
        assertThat(FileNames.sanitize("nul.txt")).isEqualTo("_nul.txt");
        assertThat(FileNames.sanitize("com1.tar.gz")).isEqualTo("_com1.tar.gz");
        assertThat(FileNames.sanitize("console.txt")).isEqualTo("console.txt");
    }

    @Test
    void kazakhAndRussianNamesSurviveAndLongNamesKeepTheirExtension() {
        assertThat(FileNames.sanitize("Алматы, қаңтар 2022.jpg")).isEqualTo("Алматы, қаңтар 2022.jpg");
        String longName = "ә".repeat(300) + ".jpeg";
        String safe = FileNames.sanitize(longName);
        assertThat(safe).endsWith(".jpeg");
        assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_BYTES);
    }

    @Test
    void alternativeNamesForExistingFiles() {
        assertThat(FileExport.candidate("a.jpg", 1)).isEqualTo("a.jpg");
        assertThat(FileExport.candidate("a.jpg", 2)).isEqualTo("a (2).jpg");
        assertThat(FileExport.candidate("notes", 3)).isEqualTo("notes (3)");
    }
}

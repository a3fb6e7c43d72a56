package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.habarshy.core.store.EnvelopeTotals;
import org.habarshy.core.transport.LinkStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAStatusAndRemovesIt() throws IOException {
        NodeStatus status = new NodeStatus(42, 1_000, 2_000, 7454,
                List.of(new LinkStatus("0a1b2c3d", true, 1_500, false, 3, 10, 12),
                        new LinkStatus("ffeeddcc", false, 1_600, true, 0, 0, 1)),
                new EnvelopeTotals(5, 1234, 2, 600), 10_000, 20_000, 1);
        StatusFile file = new StatusFile(dir);
        file.write(status);
        assertThat(file.read()).contains(status);
        file.delete();
        assertThat(file.read()).isEmpty();
    }

    @Test
    void refusesADamagedFileClearly() throws IOException {
        Files.writeString(dir.resolve(StatusFile.FILE_NAME), "format=1\nlinks=1\nlink.0=only,three,fields\n");
        assertThatThrownBy(() -> new StatusFile(dir).read()).isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
        Files.writeString(dir.resolve(StatusFile.FILE_NAME), "format=9\n");
        assertThatThrownBy(() -> new StatusFile(dir).read()).hasMessageContaining("not a status file");
    }
}

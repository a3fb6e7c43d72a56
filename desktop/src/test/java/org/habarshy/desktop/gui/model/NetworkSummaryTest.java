package org.habarshy.desktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.node.NodeStatus;
import org.habarshy.core.store.EnvelopeTotals;
import org.habarshy.core.transport.LinkStatus;
import org.junit.jupiter.api.Test;

class NetworkSummaryTest {
    @Test
    void summarisesLinksTrafficAndSyncProgress() {
        List<LinkStatus> links = List.of(new LinkStatus("aa", true, 1, true, 0, 5, 3),
                new LinkStatus("bb", false, 2, false, 0, 0, 0));
        NodeStatus status = new NodeStatus(1, 0, 10, 7454, links, new EnvelopeTotals(9, 900, 4, 400), 2048, 10,
                1);
        NetworkSummary summary = NetworkSummary.of(Optional.of(status), "", Settings.defaults(Path.of("d")));
        assertThat(summary.running()).isTrue();
        assertThat(summary.syncing()).isEqualTo(1);
        assertThat(summary.syncPercent()).isEqualTo(50);
        assertThat(summary.held()).isEqualTo(9);
        assertThat(summary.carried()).isEqualTo(4);
        assertThat(NetworkSummary.formatBytes(summary.bytesIn())).isEqualTo("2.0 KiB");
        assertThat(NetworkSummary.formatBytes(10)).isEqualTo("10 B");
        assertThat(NetworkSummary.formatBytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
    }

    @Test
    void withoutANodeItSaysWhy() {
        NetworkSummary summary = NetworkSummary.of(Optional.empty(), "cannot listen on port 7454",
                Settings.defaults(Path.of("d")));
        assertThat(summary.running()).isFalse();
        assertThat(summary.error()).contains("7454");
        assertThat(summary.syncPercent()).isEqualTo(100);
    }
}

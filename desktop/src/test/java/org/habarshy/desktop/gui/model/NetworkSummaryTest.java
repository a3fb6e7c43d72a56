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
    void transportsAreUpDownOffOrNotHere() {
        List<LinkStatus> links = List.of(new LinkStatus("aa", true, 1, true, 0, 5, 3));
        NodeStatus status = new NodeStatus(1, 0, 10, 7454, links, new EnvelopeTotals(9, 900, 4, 400), 2048, 10, 1,
                new org.habarshy.core.node.CarryStatus(256L << 20, 400, 0, 0, java.util.Map.of()));
        Settings withPeer = Settings.defaults(Path.of("d")).withNetwork(Path.of("d"), 0, true,
                List.of(new PeerAddress("10.0.0.2", 7454)));
        NetworkSummary running = NetworkSummary.of(Optional.of(status), "", withPeer);
        assertThat(running.transports()).extracting(TransportStatus::state).containsExactly(
                TransportStatus.State.UP, TransportStatus.State.UP, TransportStatus.State.UP,
                TransportStatus.State.UNAVAILABLE, TransportStatus.State.UNAVAILABLE);
        assertThat(running.carryUsedBytes()).isEqualTo(400);
        assertThat(running.carryQuotaBytes()).isEqualTo(256L << 20);
        assertThat(running.transports().get(2).nameKey()).isEqualTo("network.transport.MANUAL_PEERS");

        NetworkSummary noOutgoing = NetworkSummary.of(Optional.of(new NodeStatus(1, 0, 10, 7454,
                List.of(new LinkStatus("bb", false, 1, true, 0, 0, 0)), new EnvelopeTotals(0, 0, 0, 0), 0, 0, 0)),
                "", withPeer);
        assertThat(noOutgoing.transports().get(2).state()).as("no configured peer answers")
                .isEqualTo(TransportStatus.State.DOWN);

        NetworkSummary stopped = NetworkSummary.of(Optional.empty(), "port taken", Settings.defaults(Path.of("d"))
                .withNetwork(Path.of("d"), 0, false, List.of()));
        assertThat(stopped.transports()).extracting(TransportStatus::state).containsExactly(
                TransportStatus.State.DOWN, TransportStatus.State.OFF, TransportStatus.State.OFF,
                TransportStatus.State.UNAVAILABLE, TransportStatus.State.UNAVAILABLE);
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

package org.habarshy.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerTableTest {
    private final RecordingListener sink = new RecordingListener();
    private final PeerTable table = new PeerTable("self", sink);

    @Test
    void reportsEachAddressOnce() throws UnknownHostException {
        table.resolved(0, "habarshy-a", ad("a", 7001), List.of(at("192.168.1.2", 7001)));
        table.resolved(0, "habarshy-a", ad("a", 7001), List.of(at("192.168.1.2", 7001)));
        table.resolved(0, "habarshy-a", ad("a", 7001), List.of(at("192.168.1.2", 7001), at("fe80::2", 7001)));
        table.resolved(1, "habarshy-a", ad("a", 7001), List.of(at("192.168.1.2", 7001)));

        assertThat(sink.calls).containsExactly("found a 192.168.1.2:7001", "found a fe80:0:0:0:0:0:0:2:7001");
    }

    @Test
    void ignoresOwnAdvertisement() throws UnknownHostException {
        table.resolved(0, "habarshy-self", ad("self", 7001), List.of(at("127.0.0.1", 7001)));
        table.resolved(1, "habarshy-self (2)", ad("self", 7001), List.of(at("192.168.7.7", 7001)));
        table.removed(0, "habarshy-self");

        assertThat(sink.calls).isEmpty();
        assertThat(table.isResolved(0, "habarshy-self")).isFalse();
    }

    @Test
    void losesPeerOnlyWhenNoInstanceSeesItAnyMore() throws UnknownHostException {
        table.resolved(0, "habarshy-a", ad("a", 7001), List.of(at("192.168.1.2", 7001)));
        table.resolved(1, "habarshy-a", ad("a", 7001), List.of(at("192.168.7.2", 7001)));

        table.removed(0, "HABARSHY-A");
        assertThat(sink.calls).doesNotContain("lost a");
        table.removed(1, "habarshy-a");
        table.removed(1, "habarshy-a");

        assertThat(sink.calls).containsExactly("found a 192.168.1.2:7001", "found a 192.168.7.2:7001", "lost a");
    }

    @Test
    void stoppedInstanceLosesPeersSeenOnlyThere() throws UnknownHostException {
        table.resolved(0, "habarshy-a", ad("a", 7001), List.of(at("192.168.1.2", 7001)));
        table.resolved(0, "habarshy-b", ad("b", 7002), List.of(at("192.168.1.3", 7002)));
        table.resolved(1, "habarshy-b", ad("b", 7002), List.of(at("fe80::3", 7002)));

        table.sourceStopped(0);

        assertThat(sink.calls).endsWith("lost a").doesNotContain("lost b");
        assertThat(table.isResolved(0, "habarshy-b")).isFalse();
        assertThat(table.isResolved(1, "habarshy-b")).isTrue();
    }

    @Test
    void reportsAgainAfterLoss() throws UnknownHostException {
        table.resolved(0, "habarshy-a", ad("a", 7001), List.of(at("192.168.1.2", 7001)));
        table.removed(0, "habarshy-a");
        table.resolved(0, "habarshy-a", ad("a", 7001), List.of(at("192.168.1.2", 7001)));

        assertThat(sink.calls).containsExactly("found a 192.168.1.2:7001", "lost a", "found a 192.168.1.2:7001");
    }

    @Test
    void neverLosesWhatWasNeverFound() {
        table.resolved(0, "habarshy-a", ad("a", 7001), List.of());
        assertThat(table.isResolved(0, "habarshy-a")).isTrue();
        table.removed(0, "habarshy-a");
        table.removed(0, "habarshy-unknown");

        assertThat(sink.calls).isEmpty();
    }

    @Test
    void serviceTakenOverByAnotherInstanceLosesTheOld() throws UnknownHostException {
        table.resolved(0, "habarshy-x", ad("a", 7001), List.of(at("192.168.1.2", 7001)));
        table.resolved(0, "habarshy-x", ad("b", 7002), List.of(at("192.168.1.3", 7002)));

        assertThat(sink.calls).containsExactly("found a 192.168.1.2:7001", "lost a", "found b 192.168.1.3:7002");
    }

    @Test
    void tracksResolvedServicesPerInstanceCaseInsensitively() throws UnknownHostException {
        table.resolved(0, "Habarshy-A", ad("a", 7001), List.of(at("192.168.1.2", 7001)));

        assertThat(table.isResolved(0, "habarshy-a")).isTrue();
        assertThat(table.isResolved(1, "habarshy-a")).isFalse();
    }

    private static Advertisement ad(String id, int port) {
        return new Advertisement(id, port);
    }

    private static InetSocketAddress at(String literal, int port) throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(literal), port);
    }
}

package org.habarshy.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What can be checked without starting JmDNS; see {@link MdnsPeerDiscoveryLoopbackTest} for the real thing. */
class MdnsPeerDiscoveryTest {
    private final List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());

    @Test
    void rejectsBadConstructorArguments() {
        assertThatThrownBy(() -> new MdnsPeerDiscovery(loopback, "not valid", Runnable::run))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MdnsPeerDiscovery(loopback, null, Runnable::run))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MdnsPeerDiscovery(loopback, "0123456789abcdef", null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MdnsPeerDiscovery(null, "0123456789abcdef", Runnable::run))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejectsBadStartArgumentsBeforeDoingAnything() {
        try (MdnsPeerDiscovery discovery = new MdnsPeerDiscovery(loopback, "0123456789abcdef", Runnable::run)) {
            assertThatThrownBy(() -> discovery.start(0, new RecordingListener()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> discovery.start(65_536, new RecordingListener()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> discovery.start(7001, null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void closeWithoutStartIsQuickAndIdempotent() {
        MdnsPeerDiscovery discovery = new MdnsPeerDiscovery(loopback, "0123456789abcdef", Runnable::run);

        assertThatCode(() -> {
            discovery.close();
            discovery.close();
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> discovery.start(7001, new RecordingListener()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void discoveredPeerNeedsAResolvedAddress() {
        assertThatThrownBy(() -> new DiscoveredPeer("a", InetSocketAddress.createUnresolved("example.org", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscoveredPeer(null, new InetSocketAddress(InetAddress.getLoopbackAddress(), 1)))
                .isInstanceOf(NullPointerException.class);
    }
}

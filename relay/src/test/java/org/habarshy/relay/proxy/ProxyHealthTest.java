package org.habarshy.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.habarshy.relay.testing.Microsocks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProxyHealthTest {
    private static final ProxyEndpoint A = ProxyEndpoint.parse("socks5://10.0.0.1:1080");
    private static final ProxyEndpoint B = ProxyEndpoint.parse("socks5://10.0.0.2:1080");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void aFailedProxyIsSkippedForABackOffThatDoublesAndASuccessClearsIt() {
        MovingClock clock = new MovingClock();
        ProxyHealth health = new ProxyHealth(clock, Duration.ofSeconds(30));
        health.failed(A);
        assertThat(health.usable(List.of(A, B))).containsExactly(B);
        clock.millis += 30_000;
        assertThat(health.usable(A)).isTrue();
        health.failed(A);
        clock.millis += 30_000;
        assertThat(health.usable(A)).as("second failure: 60 s").isFalse();
        clock.millis += 30_000;
        assertThat(health.usable(A)).isTrue();
        for (int i = 0; i < 10; i++) {
            health.failed(A);
        }
        clock.millis += Duration.ofSeconds(30 * 16).toMillis();
        assertThat(health.usable(A)).as("back-off capped at 16x").isTrue();
        health.failed(A);
        health.succeeded(A);
        assertThat(health.usable(A)).isTrue();
        assertThat(health.failing(List.of(A, B))).isZero();
    }

    @Test
    void theProbeTellsALiveSocksProxyFromADeadPortAndFromAServerThatIsNoProxy() throws Exception {
        Assumptions.assumeTrue(Microsocks.available(), "microsocks is not installed (apt-get install microsocks)");
        ProxyProbe probe = new ProxyProbe(Duration.ofSeconds(2));
        try (Microsocks live = Microsocks.start()) {
            assertThat(probe.check(live.endpoint())).isTrue();
        }
        assertThat(probe.check(new ProxyEndpoint(ProxyKind.SOCKS5, "127.0.0.1", Microsocks.freePort()))).isFalse();
        try (ServerSocket notAProxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = notAProxy.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                } catch (Exception e) {
                    // the probe closed first
                }
            });
            server.start();
            assertThat(probe.check(new ProxyEndpoint(ProxyKind.SOCKS5, "127.0.0.1", notAProxy.getLocalPort())))
                    .isFalse();
            server.join(5_000);
        }
    }
}

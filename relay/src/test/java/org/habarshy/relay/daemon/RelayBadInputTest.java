package org.habarshy.relay.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.habarshy.relay.status.Counter;
import org.habarshy.relay.testing.Relays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files an operator points the relay at: bad ones are refused clearly, and a garbage list does not stop it. */
class RelayBadInputTest {
    @TempDir
    Path dir;

    private Properties withListFile(Path file) throws Exception {
        Properties p = Relays.loopback(dir.resolve("relay"));
        p.setProperty("proxy.list.files", file.toString());
        return p;
    }

    @Test
    void aGarbageListFileIsCountedAsMalformedAndTheRelayRuns() throws Exception {
        Path garbage = dir.resolve("garbage");
        Files.write(garbage, new byte[] {1, 2, 0, 0, 0, 0});
        try (RelayDaemon relay = RelayDaemon.start(Relays.config(withListFile(garbage), dir), Clock.systemUTC(),
                List.of())) {
            assertThat(relay.counters().get(Counter.LISTS_MALFORMED)).isEqualTo(1);
            assertThat(relay.status().allowedProxies()).isZero();
        }
    }

    @Test
    void anOversizedOrMissingListFileStopsTheStartWithAClearMessage() throws Exception {
        Path huge = dir.resolve("huge");
        Files.write(huge, new byte[262_145]);
        assertThatThrownBy(() -> RelayDaemon.start(Relays.config(withListFile(huge), dir), Clock.systemUTC(),
                List.of())).isInstanceOf(IOException.class).hasMessageContaining("larger than 262144 bytes");
        assertThatThrownBy(() -> RelayDaemon.start(Relays.config(withListFile(dir.resolve("absent")), dir),
                Clock.systemUTC(), List.of())).isInstanceOf(IOException.class);
        // The data directory is usable again afterwards: nothing was left open.
        try (RelayDaemon relay = RelayDaemon.start(Relays.config(Relays.loopback(dir.resolve("relay")), dir),
                Clock.systemUTC(), List.of())) {
            assertThat(relay.status().port()).isPositive();
        }
    }

    @Test
    void aDamagedMailboxKeyFileIsRefused() throws Exception {
        Properties p = Relays.loopback(dir.resolve("relay"));
        p.setProperty("mailbox.enabled", "true");
        Files.createDirectories(dir.resolve("relay"));
        Files.writeString(dir.resolve("relay").resolve("mailbox.key"), "not hex");
        assertThatThrownBy(() -> RelayDaemon.start(Relays.config(p, dir), Clock.systemUTC(), List.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("damaged mailbox key file");
    }
}

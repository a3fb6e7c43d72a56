package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerStoreTest {
    @TempDir
    Path dir;

    private final PeerStore store = new PeerStore();
    private Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("peers.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void rememberUpsertsAndKeepsTheNewestTime() throws Exception {
        remember("10.0.0.1", 7000, 100);
        remember("10.0.0.1", 7000, 300);
        remember("10.0.0.1", 7000, 200);
        remember("10.0.0.1", 7001, 150);
        assertThat(recent(0, 10)).containsExactly(
                new RememberedPeer("10.0.0.1", 7000, 300), new RememberedPeer("10.0.0.1", 7001, 150));
    }

    @Test
    void recentIsNewestFirstSinceAndLimited() throws Exception {
        remember("a.local", 1, 10);
        remember("b.local", 2, 40);
        remember("fe80::1", 3, 30);
        remember("d.local", 4, 20);
        assertThat(recent(0, 10)).extracting(RememberedPeer::host)
                .containsExactly("b.local", "fe80::1", "d.local", "a.local");
        assertThat(recent(20, 10)).extracting(RememberedPeer::lastSeen).containsExactly(40L, 30L, 20L);
        assertThat(recent(0, 2)).extracting(RememberedPeer::port).containsExactly(2, 3);
        assertThat(recent(41, 10)).isEmpty();
    }

    @Test
    void refusesInvalidAddresses() {
        assertThatThrownBy(() -> remember("h", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> remember("h", 65536, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> remember(" ", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringDoesNotRevealTheAddress() {
        assertThat(new RememberedPeer("192.168.1.77", 7000, 5).toString())
                .doesNotContain("192.168")
                .doesNotContain("7000");
    }

    private void remember(String host, int port, long seenAt) throws StoreException {
        db.write(t -> {
            store.remember(t, host, port, seenAt);
            return null;
        });
    }

    private List<RememberedPeer> recent(long since, int limit) throws StoreException {
        return db.read(t -> store.recent(t, since, limit));
    }
}

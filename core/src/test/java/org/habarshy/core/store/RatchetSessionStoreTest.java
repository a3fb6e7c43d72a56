package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.core.store.StoreFixtures.identityKey;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatchetSessionStoreTest {
    @TempDir
    Path dir;

    private final RatchetSessionStore store = new RatchetSessionStore();
    private Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("sessions.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void oneActiveSessionPerPeerUpdatesInPlaceAndOldInactiveOnesAreTrimmed() throws Exception {
        save(1, "s1", "state 1", true, 10);
        save(1, "s2", "state 2", true, 20);
        save(1, "s1", "state 1b", false, 30);
        save(2, "s9", "other peer", true, 5);
        assertThat(text(active(1).orElseThrow().sessionId())).isEqualTo("s2".repeat(4));
        assertThat(text(active(1).orElseThrow().state())).isEqualTo("state 2");
        Optional<byte[]> s1 = db.read(t -> store.find(t, identityKey(1), id("s1")));
        assertThat(text(s1.orElseThrow())).isEqualTo("state 1b");

        for (int i = 3; i <= 6; i++) {
            save(1, "s" + i, "state " + i, false, 30 + i);
        }
        int count = db.read(t -> store.count(t, identityKey(1)));
        assertThat(count).isEqualTo(3);
        assertThat(active(1)).isPresent();
        int deleted = db.write(t -> store.deletePeer(t, identityKey(1)));
        assertThat(deleted).isEqualTo(3);
        assertThat(active(2)).isPresent();
    }

    private void save(int peer, String session, String state, boolean active, long now) throws Exception {
        db.write(t -> {
            store.save(t, identityKey(peer), id(session), state.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    active, now, 3);
            return null;
        });
    }

    private Optional<RatchetSessionStore.SavedSession> active(int peer) throws Exception {
        return db.read(t -> store.active(t, identityKey(peer)));
    }

    private static byte[] id(String s) {
        return s.repeat(4).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}

package org.habarshy.relay.sms.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.segment.SmsSegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SmsStore on real SQLite files. */
class SmsStoreTest {
    private static final PhoneNumber PEER = PhoneNumber.parse("+77010000009");

    @TempDir
    Path dir;

    @Test
    void aNewStoreFileIsPrivate() throws Exception {
        Path file = dir.resolve("sms.db");
        try (SmsStore store = SmsStore.open(file)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void queueAndPartsSurviveReopening() throws Exception {
        Path file = dir.resolve("sms.db");
        try (SmsStore store = SmsStore.open(file)) {
            int ref = store.nextReference(PEER);
            store.enqueue(PEER, ref, List.of(new SmsSegment(new byte[] {1}, false)), false, 10, 1_000);
            store.parts().add(PEER, 4, 2, 1, new byte[] {9}, 10);
            store.commit();
        }
        try (SmsStore store = SmsStore.open(file)) {
            assertThat(store.due(20, 10)).hasSize(1);
            assertThat(store.nextReference(PEER)).isEqualTo(1);
            assertThat(store.parts().incomplete()).singleElement()
                    .satisfies(s -> assertThat(s.missing()).containsExactly(2));
            assertThat(store.parts().add(PEER, 4, 2, 1, new byte[] {9}, 11)).as("duplicate").isFalse();
            assertThat(store.parts().add(PEER, 4, 2, 2, new byte[] {8}, 11)).isTrue();
            assertThat(store.parts().takeIfComplete(PEER, 4, 2)).hasValueSatisfying(
                    p -> assertThat(p).containsExactly(9, 8));
        }
    }

    @Test
    void anIncompleteSetTellsWhenItsLatestPartArrived() throws Exception {
        try (SmsStore store = SmsStore.open(dir.resolve("sms.db"))) {
            store.parts().add(PEER, 5, 4, 1, new byte[] {1}, 100);
            store.parts().add(PEER, 5, 4, 3, new byte[] {3}, 2_500);
            store.parts().add(PEER, 5, 4, 2, new byte[] {2}, 1_700);
            assertThat(store.parts().incomplete()).singleElement().satisfies(s -> {
                assertThat(s.firstSeen()).isEqualTo(100);
                assertThat(s.lastPart()).as("the stall is counted from here").isEqualTo(2_500);
                assertThat(s.missing()).containsExactly(4);
            });
        }
    }

    @Test
    void uncommittedWorkIsLostNotHalfKept() throws Exception {
        Path file = dir.resolve("sms.db");
        try (SmsStore store = SmsStore.open(file)) {
            store.enqueue(PEER, 0, List.of(new SmsSegment(new byte[] {1}, false)), false, 10, 1_000);
            store.rollback();
            assertThat(store.pendingCount()).isZero();
        }
    }

    @Test
    void aStoreFromANewerRelayIsRefused() throws Exception {
        Path file = dir.resolve("sms.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=99");
        }
        assertThatThrownBy(() -> SmsStore.open(file)).isInstanceOf(SQLException.class).hasMessageContaining("newer");
    }

    @Test
    void aCorruptFileGivesAClearError() throws Exception {
        Path file = dir.resolve("sms.db");
        Files.writeString(file, "this is not a database, just some text that is long enough to look like a header");
        assertThatThrownBy(() -> SmsStore.open(file)).isInstanceOf(SQLException.class);
    }

    @Test
    void forwardingCursorsAndArrivalsSurviveReopeningAndArrivalsExpire() throws Exception {
        Path file = dir.resolve("sms.db");
        PhoneNumber other = PhoneNumber.parse("+77010000008");
        byte[] digest = new byte[32];
        digest[0] = 7;
        try (SmsStore store = SmsStore.open(file)) {
            assertThat(store.cursor("peer:taraz")).isZero();
            store.setCursor("peer:taraz", 41);
            store.setCursor("peer:taraz", 42);
            store.recordArrival(digest, PEER, 1_000);
            store.recordArrival(digest, PEER, 1_000);
            store.commit();
        }
        try (SmsStore store = SmsStore.open(file)) {
            assertThat(store.cursor("peer:taraz")).isEqualTo(42);
            assertThat(store.cursor("peer:almaty")).isZero();
            assertThat(store.arrivedFrom(digest, PEER)).isTrue();
            assertThat(store.arrivedFrom(digest, other)).isFalse();
            store.purgeArrivals(999);
            assertThat(store.arrivedFrom(digest, PEER)).isTrue();
            store.purgeArrivals(1_000);
            store.commit();
            assertThat(store.arrivedFrom(digest, PEER)).isFalse();
        }
    }

    @Test
    void aVersionOneStoreGainsTheForwardingTablesWhenOpened() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE refs(peer TEXT PRIMARY KEY, next INTEGER NOT NULL)");
            s.execute("PRAGMA user_version=1");
        }
        try (SmsStore store = SmsStore.open(file)) {
            store.setCursor("peer:taraz", 5);
            store.commit();
            assertThat(store.cursor("peer:taraz")).isEqualTo(5);
        }
    }
}

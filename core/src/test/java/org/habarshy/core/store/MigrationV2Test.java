package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by schema version 1 opens with its carried envelopes counted against the quota. */
class MigrationV2Test {
    @TempDir
    Path dir;

    @Test
    void aVersion1FileGainsSizesAndAnUnknownOrigin() throws Exception {
        Path file = dir.resolve("old.db");
        StoredEnvelope carried = StoreFixtures.envelope(1, 9_000, 700);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            new MigrationV1().apply(c);
            c.createStatement().executeUpdate("PRAGMA user_version = 1");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO envelopes (id, bytes, created_at,"
                    + " expires_at, hops, received_at) VALUES (?, ?, 1, 9000, 2, 1)")) {
                ps.setBytes(1, carried.id().bytes());
                ps.setBytes(2, carried.bytes());
                ps.executeUpdate();
            }
        }
        try (Database db = Database.open(file)) {
            assertThat(Integer.parseInt(StoreFixtures.scalar(db, "PRAGMA user_version"))).isGreaterThanOrEqualTo(2);
            Map<String, Long> usage = db.read(t -> new EnvelopeStore().carriedBytesByOrigin(t));
            assertThat(usage).containsExactly(Map.entry("", 700L));
            List<CarriedEnvelope> evictable = db.read(t -> new EnvelopeStore().evictable(t, "", 10));
            assertThat(evictable).extracting(CarriedEnvelope::id).containsExactly(carried.id());
        }
    }
}

package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.habarshy.core.api.identity.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version-2 file with contacts opens as the current schema; its contacts keep everything and are unverified. */
class MigrationV3Test {
    @TempDir
    Path dir;

    @Test
    void aVersionTwoFileGainsTheVerifiedFlagWithContactsUnverified() throws Exception {
        Path file = dir.resolve("v2.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            new SchemaMigrator(List.of(new MigrationV1(), new MigrationV2()))
                    .migrate(c, new SqliteErrors("v2.db"));
        }
        StoreFixtures.rawExec(file, "INSERT INTO contacts (alias, identity_key, agreement_key, name, created_at,"
                + " added_at) VALUES ('bob', x'" + "1d".repeat(32) + "', x'" + "a6".repeat(32) + "', 'Bob', 5, 6)");

        try (Database db = Database.open(file)) {
            assertThat(StoreFixtures.scalar(db, "PRAGMA user_version"))
                    .isEqualTo(String.valueOf(new SchemaMigrator().latestVersion()));
            Contact bob = db.read(t -> new ContactStore().byAlias(t, "bob")).orElseThrow();
            assertThat(bob.verified()).isFalse();
            assertThat(bob.card().name()).isEqualTo("Bob");
            assertThat(bob.addedAt()).isEqualTo(6);
        }
    }
}

package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Message text and session states are sealed in the database file; disappearing messages go on both sides. */
class HistoryAtRestTest {
    private static final String SECRET_TEXT = "Жиналыс сағат 18:00-де, алаңда";

    @TempDir
    Path tmp;

    @Test
    void theDatabaseFileHoldsNoMessageTextButTheAccountReadsIt() throws Exception {
        Path aliceDir = tmp.resolve("alice");
        char[] passphrase = "correct horse battery".toCharArray();
        try (Account alice = Account.create(aliceDir, "Alice", Clock.systemUTC(), passphrase.clone());
             Account bob = Account.create(tmp.resolve("bob"), "Bob", Clock.systemUTC())) {
            alice.addContact(bob.contactCode(), "bob");
            alice.send("bob", SECRET_TEXT);
        }
        checkpoint(aliceDir.resolve(Account.DATABASE_FILE));
        byte[] needle = SECRET_TEXT.getBytes(StandardCharsets.UTF_8);
        for (Path file : List.of(aliceDir.resolve(Account.DATABASE_FILE))) {
            assertThat(indexOf(Files.readAllBytes(file), needle)).as(file.getFileName().toString()).isNegative();
        }
        assertThat(rawColumn(aliceDir, "SELECT text FROM messages")).containsExactly("");
        try (Account alice = Account.open(aliceDir, Clock.systemUTC(), passphrase.clone())) {
            assertThat(alice.messages(Optional.empty())).extracting(Message::text).containsExactly(SECRET_TEXT);
        }
    }

    @Test
    void textStoredInClearByAnOlderVersionIsSealedWhenTheAccountOpens() throws Exception {
        Path aliceDir = tmp.resolve("alice");
        try (Account alice = Account.create(aliceDir, "Alice", Clock.systemUTC());
             Account bob = Account.create(tmp.resolve("bob"), "Bob", Clock.systemUTC())) {
            alice.addContact(bob.contactCode(), "bob");
            alice.send("bob", SECRET_TEXT);
        }
        String escaped = SECRET_TEXT.replace("'", "''");
        exec(aliceDir, "UPDATE messages SET text = '" + escaped + "', body = NULL");
        try (Account alice = Account.open(aliceDir, Clock.systemUTC())) {
            assertThat(alice.messages(Optional.empty())).extracting(Message::text).containsExactly(SECRET_TEXT);
        }
        assertThat(rawColumn(aliceDir, "SELECT text FROM messages")).containsExactly("");
        assertThat(rawColumn(aliceDir, "SELECT count(*) FROM messages WHERE body IS NOT NULL")).containsExactly("1");
    }

    @Test
    void aDisappearingTimerDeletesTheMessageOnBothSides() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-06T10:00:00Z"));
        try (Account alice = Account.create(tmp.resolve("alice"), "Alice", clock);
             Account bob = Account.create(tmp.resolve("bob"), "Bob", clock)) {
            alice.addContact(bob.contactCode(), "bob");
            bob.addContact(alice.contactCode(), "alice");
            alice.setDisappearingTimer("bob", Duration.ofHours(1));
            assertThat(alice.disappearingTimer("bob")).isEqualTo(Duration.ofHours(1));
            new ForwardSecretDeliveryTest.Courier(clock).carry(alice, bob, alice.send("bob", "gone in an hour"));
            alice.setDisappearingTimer("bob", Duration.ZERO);
            new ForwardSecretDeliveryTest.Courier(clock).carry(alice, bob, alice.send("bob", "kept"));
            clock.advance(Duration.ofMinutes(59));
            assertThat(alice.messages(Optional.empty())).extracting(Message::text)
                    .containsExactly("gone in an hour", "kept");
            assertThat(bob.messages(Optional.empty())).extracting(Message::text)
                    .containsExactly("gone in an hour", "kept");

            clock.advance(Duration.ofMinutes(2));
            assertThat(alice.messages(Optional.empty())).extracting(Message::text).containsExactly("kept");
            assertThat(bob.messages(Optional.empty())).extracting(Message::text).containsExactly("kept");
            int deleted = Account.call(alice.storeExecutor(), alice::deleteExpiredMessages);
            int deletedAtBob = Account.call(bob.storeExecutor(), bob::deleteExpiredMessages);
            assertThat(deleted).isEqualTo(1);
            assertThat(deletedAtBob).isEqualTo(1);
        }
        assertThat(rawColumn(tmp.resolve("bob"), "SELECT count(*) FROM messages")).containsExactly("1");
    }

    private static void checkpoint(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static void exec(Path dir, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Account.DATABASE_FILE));
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static List<String> rawColumn(Path dir, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Account.DATABASE_FILE));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}

package org.habarshy.core.store;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;

/** Deterministic test values and raw-SQL access for store tests. */
final class StoreFixtures {
    private StoreFixtures() {
    }

    static byte[] bytes32(int tag, int n) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) tag);
        ByteBuffer.wrap(b).putInt(0, n);
        return b;
    }

    static EnvelopeId envelopeId(int n) {
        return new EnvelopeId(bytes32(0xE0, n));
    }

    static IdentityKey identityKey(int n) {
        return new IdentityKey(bytes32(0x1D, n));
    }

    static AgreementKey agreementKey(int n) {
        return new AgreementKey(bytes32(0xA6, n));
    }

    static StoredEnvelope envelope(int n, long expiresAt) {
        return envelope(n, expiresAt, 64);
    }

    static StoredEnvelope envelope(int n, long expiresAt, int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) n);
        return new StoredEnvelope(envelopeId(n), body, 1_000L + n, expiresAt, n % 7, 2_000L + n);
    }

    static Message message(int n, Direction direction, int peer, long sentAt, MessageState state) {
        return new Message(envelopeId(n), direction, identityKey(peer), "text " + n, sentAt, state);
    }

    static Contact contact(String alias, int n) {
        ContactCard card = new ContactCard("Name " + n, identityKey(n), agreementKey(n), 10_000L + n);
        return new Contact(alias, card, 20_000L + n);
    }

    /** Runs statements on {@code file} through a plain JDBC connection, bypassing {@link Database}. */
    static void rawExec(Path file, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** Runs {@code PRAGMA quick_check} inside a read transaction of {@code db}. */
    static List<String> quickCheck(Database db) throws StoreException {
        return db.read(t -> {
            List<String> rows = new ArrayList<>();
            try (Statement s = t.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw t.error(e);
            }
            return rows;
        });
    }

    /** Returns the first column of the first row of {@code sql}, run in a read transaction of {@code db}. */
    static String scalar(Database db, String sql) throws StoreException {
        return db.read(t -> {
            try (Statement s = t.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            } catch (SQLException e) {
                throw t.error(e);
            }
        });
    }
}

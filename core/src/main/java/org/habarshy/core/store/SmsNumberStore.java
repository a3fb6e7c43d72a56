package org.habarshy.core.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.PlainSms;

/**
 * Phone numbers the user bound to contact aliases, and the history of unencrypted plain SMS sent through a relay
 * (tables {@code sms_numbers} and {@code plain_sms}). Numbers and texts are sealed with the {@link FieldCipher};
 * a row's context names its table and key, so a value moved to another row does not open.
 */
public final class SmsNumberStore {
    private static final byte[] NUMBER_CONTEXT = "sms_numbers.sealed\0".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAIN_CONTEXT = "plain_sms.sealed\0".getBytes(StandardCharsets.UTF_8);

    private final FieldCipher cipher;

    /** Creates the store sealing with {@code cipher}. */
    public SmsNumberStore(FieldCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** Binds {@code number} to {@code alias}, replacing an earlier binding. */
    public void bind(Transaction t, String alias, String number) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "INSERT INTO sms_numbers (alias, sealed) VALUES (?, ?)"
                        + " ON CONFLICT (alias) DO UPDATE SET sealed = excluded.sealed")) {
            ps.setString(1, alias);
            ps.setBytes(2, cipher.seal(context(NUMBER_CONTEXT, alias.getBytes(StandardCharsets.UTF_8)),
                    number.getBytes(StandardCharsets.US_ASCII)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Removes the number bound to {@code alias}; returns true if there was one. */
    public boolean unbind(Transaction t, String alias) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("DELETE FROM sms_numbers WHERE alias = ?")) {
            ps.setString(1, alias);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the number bound to {@code alias}, if any. */
    public Optional<String> number(Transaction t, String alias) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT sealed FROM sms_numbers WHERE alias = ?")) {
            ps.setString(1, alias);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] clear = open(t, context(NUMBER_CONTEXT, alias.getBytes(StandardCharsets.UTF_8)),
                        rs.getBytes(1));
                return Optional.of(new String(clear, StandardCharsets.US_ASCII));
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Records an unencrypted plain SMS in the history. */
    public void record(Transaction t, PlainSms sms) throws StoreException {
        byte[] clear = (sms.number() + "\n" + sms.text()).getBytes(StandardCharsets.UTF_8);
        try (PreparedStatement ps = t.connection().prepareStatement(
                "INSERT INTO plain_sms (id, sent_at, sealed, ord) VALUES (?, ?, ?,"
                        + " (SELECT coalesce(max(ord), 0) + 1 FROM plain_sms)) ON CONFLICT (id) DO NOTHING")) {
            ps.setBytes(1, sms.id().bytes());
            ps.setLong(2, sms.sentAt());
            ps.setBytes(3, cipher.seal(context(PLAIN_CONTEXT, sms.id().bytes()), clear));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the plain SMS history, oldest first. */
    public List<PlainSms> history(Transaction t) throws StoreException {
        List<PlainSms> out = new ArrayList<>();
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT id, sent_at, sealed FROM plain_sms ORDER BY ord");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byte[] id = rs.getBytes(1);
                String clear = new String(open(t, context(PLAIN_CONTEXT, id), rs.getBytes(3)),
                        StandardCharsets.UTF_8);
                int cut = clear.indexOf('\n');
                if (cut < 0) {
                    throw t.corruptRow(new IllegalStateException("a plain SMS row without a number"));
                }
                out.add(new PlainSms(new EnvelopeId(id), clear.substring(0, cut), clear.substring(cut + 1),
                        rs.getLong(2)));
            }
            return out;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    private byte[] open(Transaction t, byte[] context, byte[] sealed) throws StoreException {
        try {
            return cipher.open(context, sealed);
        } catch (GeneralSecurityException e) {
            throw t.corruptRow(new IllegalStateException("a sealed SMS field does not open", e));
        }
    }

    private static byte[] context(byte[] prefix, byte[] key) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + key.length);
        System.arraycopy(key, 0, out, prefix.length, key.length);
        return out;
    }
}

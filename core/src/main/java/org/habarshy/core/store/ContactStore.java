package org.habarshy.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.store.StoreException.Reason;

/**
 * The user's address book: contact cards under local aliases. Aliases and identity keys are each unique.
 * Stateless: every method works in the caller's {@link Transaction}.
 */
public final class ContactStore {
    private static final String COLUMNS = "alias, identity_key, agreement_key, name, created_at, added_at, verified";

    /** Creates a store; it holds no state. */
    public ContactStore() {
    }

    /**
     * Adds {@code c}. Fails with {@link Reason#DUPLICATE} if its alias or its identity key is already
     * present; the message says which.
     */
    public void add(Transaction t, Contact c) throws StoreException {
        Objects.requireNonNull(c, "c");
        if (byAlias(t, c.alias()).isPresent()) {
            throw new StoreException(Reason.DUPLICATE, "a contact named \"" + c.alias() + "\" already exists");
        }
        Optional<Contact> sameKey = byIdentityKey(t, c.card().identityKey());
        if (sameKey.isPresent()) {
            throw new StoreException(Reason.DUPLICATE,
                    "this identity key is already saved as contact \"" + sameKey.get().alias() + "\"");
        }
        try (PreparedStatement ps = t.connection().prepareStatement(
                "INSERT INTO contacts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, c.alias());
            ps.setBytes(2, c.card().identityKey().bytes());
            ps.setBytes(3, c.card().agreementKey().bytes());
            ps.setString(4, c.card().name());
            ps.setLong(5, c.card().createdAt());
            ps.setLong(6, c.addedAt());
            ps.setInt(7, c.verified() ? 1 : 0);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /**
     * Replaces the card of the contact named {@code c.alias()} (a changed identity key) and stores {@code c}'s
     * verified flag; returns false if there is no contact of that alias. Fails with {@link Reason#DUPLICATE} if
     * another contact already has the new identity key.
     */
    public boolean replace(Transaction t, Contact c) throws StoreException {
        Objects.requireNonNull(c, "c");
        Optional<Contact> sameKey = byIdentityKey(t, c.card().identityKey());
        if (sameKey.isPresent() && !sameKey.get().alias().equals(c.alias())) {
            throw new StoreException(Reason.DUPLICATE,
                    "this identity key is already saved as contact \"" + sameKey.get().alias() + "\"");
        }
        try (PreparedStatement ps = t.connection().prepareStatement("UPDATE contacts SET identity_key = ?,"
                + " agreement_key = ?, name = ?, created_at = ?, added_at = ?, verified = ? WHERE alias = ?")) {
            ps.setBytes(1, c.card().identityKey().bytes());
            ps.setBytes(2, c.card().agreementKey().bytes());
            ps.setString(3, c.card().name());
            ps.setLong(4, c.card().createdAt());
            ps.setLong(5, c.addedAt());
            ps.setInt(6, c.verified() ? 1 : 0);
            ps.setString(7, c.alias());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /**
     * Sets the verified flag of the contact named {@code alias}; returns false if there is no such contact.
     */
    public boolean setVerified(Transaction t, String alias, boolean verified) throws StoreException {
        Objects.requireNonNull(alias, "alias");
        try (PreparedStatement ps = t.connection().prepareStatement(
                "UPDATE contacts SET verified = ? WHERE alias = ?")) {
            ps.setInt(1, verified ? 1 : 0);
            ps.setString(2, alias);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /**
     * Sets the disappearing-message timer of the contact named {@code alias} (milliseconds, 0 = off); returns
     * false if there is no such contact.
     */
    public boolean setDisappearAfter(Transaction t, String alias, long millis) throws StoreException {
        Objects.requireNonNull(alias, "alias");
        if (millis < 0) {
            throw new IllegalArgumentException("timer must not be negative");
        }
        try (PreparedStatement ps = t.connection().prepareStatement(
                "UPDATE contacts SET disappear_after = ? WHERE alias = ?")) {
            ps.setLong(1, millis);
            ps.setString(2, alias);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the disappearing-message timer of the contact with this identity key (0 = off, or no contact). */
    public long disappearAfter(Transaction t, IdentityKey key) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT disappear_after FROM contacts WHERE identity_key = ?")) {
            ps.setBytes(1, key.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the contact with exactly this alias, if any. */
    public Optional<Contact> byAlias(Transaction t, String alias) throws StoreException {
        Objects.requireNonNull(alias, "alias");
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM contacts WHERE alias = ?")) {
            ps.setString(1, alias);
            return query(t, ps).stream().findFirst();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns the contact with this identity key, if any. */
    public Optional<Contact> byIdentityKey(Transaction t, IdentityKey key) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM contacts WHERE identity_key = ?")) {
            ps.setBytes(1, key.bytes());
            return query(t, ps).stream().findFirst();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Returns every contact, ordered by alias. */
    public List<Contact> all(Transaction t) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM contacts ORDER BY alias")) {
            return query(t, ps);
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    private static List<Contact> query(Transaction t, PreparedStatement ps) throws SQLException, StoreException {
        List<Contact> contacts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ContactCard card = new ContactCard(rs.getString(4), new IdentityKey(rs.getBytes(2)),
                        new AgreementKey(rs.getBytes(3)), rs.getLong(5));
                contacts.add(new Contact(rs.getString(1), card, rs.getLong(6), rs.getInt(7) == 1));
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw t.corruptRow(e);
        }
        return contacts;
    }
}

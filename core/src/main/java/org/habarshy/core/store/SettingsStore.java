package org.habarshy.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's settings, by name, shared by every process on the data directory (the node and CLI commands).
 * Stateless: every method works in the caller's {@link Transaction}.
 */
public final class SettingsStore {
    /** Creates a store; it holds no state. */
    public SettingsStore() {
    }

    /** Returns the value of {@code name}, if set. */
    public Optional<String> get(Transaction t, String name) throws StoreException {
        try (PreparedStatement ps = t.connection().prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw t.error(e);
        }
    }

    /** Sets {@code name} to {@code value}, replacing any earlier value. */
    public void put(Transaction t, String name, String value) throws StoreException {
        Objects.requireNonNull(value, "value");
        try (PreparedStatement ps = t.connection().prepareStatement("INSERT INTO settings (name, value) VALUES (?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw t.error(e);
        }
    }
}

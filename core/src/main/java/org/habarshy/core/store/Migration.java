package org.habarshy.core.store;

import java.sql.Connection;
import java.sql.SQLException;

/** One step of schema evolution, from {@link #fromVersion()} to the next {@code PRAGMA user_version}. */
interface Migration {
    /** Returns the schema version this step starts from; it leaves the schema at this plus one. */
    int fromVersion();

    /** Applies the step inside the caller's transaction; the caller bumps {@code user_version}. */
    void apply(Connection connection) throws SQLException;
}

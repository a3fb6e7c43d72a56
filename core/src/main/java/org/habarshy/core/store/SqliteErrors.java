package org.habarshy.core.store;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import org.habarshy.core.store.StoreException.Reason;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite failures on one database file into {@link StoreException}s with user-presentable messages. */
final class SqliteErrors {
    private static final System.Logger LOG = System.getLogger(SqliteErrors.class.getName());
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_NOTADB = 26;

    private final String fileName;

    SqliteErrors(String fileName) {
        this.fileName = fileName;
    }

    /** Returns the name (not the full path) of the database file, for messages. */
    String fileName() {
        return fileName;
    }

    /** Classifies {@code e} by its primary SQLite result code. */
    StoreException translate(SQLException e) {
        switch (e.getErrorCode() & 0xff) {
            case SQLITE_CORRUPT:
            case SQLITE_NOTADB:
                LOG.log(Level.ERROR, "SQLite reports database file {0} as damaged: {1}", fileName, e.getMessage());
                return corrupt(e);
            case SQLITE_FULL:
                return new StoreException(Reason.DISK_FULL,
                        "the disk holding database file " + fileName + " is full; free some space and try again", e);
            case SQLITE_BUSY:
            case SQLITE_LOCKED:
                return new StoreException(Reason.BUSY,
                        "database file " + fileName + " is in use by another process; try again", e);
            case SQLITE_CANTOPEN:
                return new StoreException(Reason.IO, "cannot open database file " + fileName
                        + "; check that its folder exists and is writable", e);
            case SQLITE_CONSTRAINT:
                if (isUniqueViolation(e)) {
                    return new StoreException(Reason.DUPLICATE, "that entry already exists in " + fileName, e);
                }
                return io(e);
            default:
                return io(e);
        }
    }

    /** Returns the CORRUPT exception for this file. */
    StoreException corrupt(Throwable cause) {
        return new StoreException(Reason.CORRUPT,
                "database file is corrupt or not a Habarshy database: " + fileName, cause);
    }

    private StoreException io(SQLException e) {
        String detail = e.getMessage() == null ? "unknown error" : e.getMessage();
        return new StoreException(Reason.IO, "cannot read or write database file " + fileName + ": " + detail, e);
    }

    private static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException) {
            SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
            return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return false;
    }
}

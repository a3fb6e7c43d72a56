package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The log scan of the process tests flags addresses, not the version numbers in library file names. */
class RawIpv4PatternTest {
    private static boolean flagged(String line) {
        return HabarshyProcesses.RAW_IPV4.matcher(line).find();
    }

    @Test
    void addressesAreFlaggedWhereverALogLinePutsThem() {
        assertThat(flagged("link to 169.254.41.2 up")).isTrue();
        assertThat(flagged("connecting to /10.0.0.1:7482")).isTrue();
        assertThat(flagged("peer=192.168.1.20")).isTrue();
        assertThat(flagged("[127.0.0.1]:7481")).isTrue();
        assertThat(flagged("java.net.ConnectException: Connection refused: 169.254.42.1/169.254.42.1:7483")).isTrue();
        assertThat(flagged("address 1.2.3.4")).isTrue();
        assertThat(flagged("169.254.41.2")).isTrue();
    }

    @Test
    void versionsInLibraryFileNamesAndMaskedAddressesAreNot() {
        assertThat(flagged("java.nio.file.NoSuchFileException: "
                + "/tmp/sqlite-3.50.3.0-0033a387-e8c3-411d-913d-57d1ac51fbe6-libsqlitejdbc.so")).isFalse();
        assertThat(flagged("\tat org.sqlite.SQLiteJDBCLoader.cleanup(SQLiteJDBCLoader.java:98) "
                + "~[sqlite-jdbc-3.50.3.0.jar:?]")).isFalse();
        assertThat(flagged("Advertising on 169.254.*.*")).isFalse();
    }
}

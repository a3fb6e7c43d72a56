package org.habarshy.relay.sms.gateway.modem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a GSM modem on a serial port ({@code sms.modem.port}, {@code .baud}, {@code .command-timeout},
 * {@code .configure-with-stty}). With {@code configureWithStty} the gateway runs {@code stty -F port raw -echo baud}
 * before opening the port (real serial devices); a pseudo-terminal set up raw by its creator needs none.
 */
public record ModemConfig(Path port, int baud, Duration commandTimeout, boolean configureWithStty) {
    /** Validates the settings. */
    public ModemConfig {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (baud < 300) {
            throw new IllegalArgumentException("baud must be at least 300");
        }
    }
}

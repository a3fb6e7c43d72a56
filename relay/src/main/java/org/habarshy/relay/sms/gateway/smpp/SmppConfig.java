package org.habarshy.relay.sms.gateway.smpp;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an SMPP 3.4 connection (bind transceiver). {@code sourceAddress} is the relay's own number or short
 * code as the SMSC expects it (digits, international). Secrets are never printed by {@link #toString()}.
 */
public record SmppConfig(String host, int port, String systemId, String password, String systemType,
        String sourceAddress, Duration enquireLink, Duration responseTimeout, Duration reconnectMin,
        Duration reconnectMax) {
    /** Validates the settings. */
    public SmppConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(password, "password");
        systemType = systemType == null ? "" : systemType;
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
        if (enquireLink.isNegative() || enquireLink.isZero() || responseTimeout.isZero()
                || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("SMPP timers must be positive and reconnectMax >= reconnectMin");
        }
    }

    /** Returns settings with the usual timers: enquire_link 30 s, responses 10 s, reconnect 1 s .. 60 s. */
    public static SmppConfig of(String host, int port, String systemId, String password, String sourceAddress) {
        return new SmppConfig(host, port, systemId, password, "", sourceAddress, Duration.ofSeconds(30),
                Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    /** Prints host and port only. */
    @Override
    public String toString() {
        return "SmppConfig[" + host + ":" + port + "]";
    }
}

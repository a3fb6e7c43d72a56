package org.habarshy.relay.sms;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.gateway.SmsGateway;
import org.habarshy.relay.sms.gateway.http.HttpGateway;
import org.habarshy.relay.sms.gateway.http.HttpGatewayConfig;
import org.habarshy.relay.sms.gateway.modem.ModemConfig;
import org.habarshy.relay.sms.gateway.modem.ModemGateway;
import org.habarshy.relay.sms.gateway.smpp.SmppConfig;
import org.habarshy.relay.sms.gateway.smpp.SmppGateway;

/**
 * Reads the {@code sms.*} keys of the relay's config file (any format the daemon parses into flat string keys) into
 * an {@link SmsBridgeConfig} and an {@link SmsGateway}; the keys are listed in docs/ARCHITECTURE.md ("SMS bridge").
 * Durations are written {@code 500ms}, {@code 30s}, {@code 2m}, {@code 6h} or {@code 1d}. Errors name the key,
 * never its value (it may be a password or a phone number).
 */
public final class SmsSettings {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private final Map<String, String> keys;

    /** Wraps the flat key/value pairs of the config file. */
    public SmsSettings(Map<String, String> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** Key prefixes that belong to the SMS bridge; given without {@code sms.gateway} they are a config mistake. */
    private static final List<String> BRIDGE_KEYS = List.of("sms.peer.", "sms.smpp.", "sms.http.", "sms.modem.",
            "sms.budget.", "sms.inbound.", "sms.reassembly.", "sms.send.", "sms.forward.", "sms.plain.", "sms.tick",
            "sms.store");

    /**
     * Returns true if the config enables an SMS gateway ({@code sms.gateway} is set).
     *
     * @throws IllegalArgumentException if keys of the SMS bridge are given without {@code sms.gateway} (a typo
     *     must not silently leave a relay without its SMS link)
     */
    public boolean enabled() {
        if (keys.containsKey("sms.gateway")) {
            return true;
        }
        keys.keySet().stream().filter(k -> BRIDGE_KEYS.stream().anyMatch(k::startsWith)).sorted().findFirst()
                .ifPresent(k -> {
                    throw new IllegalArgumentException("config key " + k + " is given but sms.gateway is missing");
                });
        return false;
    }

    /** Returns the SMS store file: {@code sms.store}, relative to {@code dataDir}; default {@code sms.db} there. */
    public Path storeFile(Path dataDir) {
        return dataDir.resolve(keys.getOrDefault("sms.store", "sms.db"));
    }

    /**
     * Returns the peer relays from {@code sms.peer.<name>=<number>} keys, sorted by name; errors name the key only.
     */
    public List<SmsPeer> peers() {
        Set<PhoneNumber> numbers = new HashSet<>();
        return keys.keySet().stream().filter(k -> k.startsWith("sms.peer.")).sorted().map(key -> {
            PhoneNumber number;
            try {
                number = PhoneNumber.parse(keys.get(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("config key " + key + " must be an international phone number");
            }
            if (!numbers.add(number)) {
                throw new IllegalArgumentException("config key " + key + " repeats the number of another SMS peer");
            }
            try {
                return new SmsPeer(key.substring("sms.peer.".length()), number);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("config key " + key + ": " + e.getMessage());
            }
        }).toList();
    }

    /** Returns how envelopes are forwarded to the peers, defaults for keys not given. */
    public SmsForwarding forwarding() {
        SmsForwarding d = SmsForwarding.defaults();
        return new SmsForwarding(duration("sms.forward.interval", d.interval()), integer("sms.forward.batch",
                d.batch()), integer("sms.forward.max-segments", d.maxSegments()),
                duration("sms.forward.max-age", d.maxAge()));
    }

    /**
     * Returns the identity keys (hex) of users whose plain-SMS requests this relay serves, from {@code sms.plain.allow}
     * (comma-separated; {@code any} for everyone). Empty (the default): plain-SMS requests are refused.
     */
    public java.util.Set<String> plainSmsSenders() {
        String value = keys.getOrDefault("sms.plain.allow", "").strip();
        if (value.isEmpty()) {
            return java.util.Set.of();
        }
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String part : value.split(",")) {
            String key = part.strip().toLowerCase(java.util.Locale.ROOT);
            if (!key.equals("any") && !key.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("sms.plain.allow: 'any' or identity keys of 64 hex digits");
            }
            out.add(key);
        }
        return java.util.Set.copyOf(out);
    }

    /** Returns the bridge limits, defaults for keys not given. */
    public SmsBridgeConfig bridgeConfig() {
        SmsBridgeConfig d = SmsBridgeConfig.defaults();
        return new SmsBridgeConfig(integer("sms.budget.daily", d.dailyBudget()),
                integer("sms.budget.per-origin", d.perOriginDaily()),
                integer("sms.inbound.per-sender", d.inboundPerSenderDaily()),
                integer("sms.inbound.max-incomplete", d.maxIncompletePerSender()),
                duration("sms.reassembly.request-after", d.requestMissingAfter()),
                integer("sms.reassembly.max-requests", d.maxResendRequests()),
                duration("sms.reassembly.expire-after", d.expireIncompleteAfter()),
                integer("sms.send.max-attempts", d.maxAttempts()), duration("sms.send.retry-base", d.retryBase()),
                duration("sms.send.retry-max", d.retryMax()), duration("sms.tick", d.tick()),
                integer("sms.send.per-tick", d.sendsPerTick()), duration("sms.plain.lifetime", d.plainTextLifetime()));
    }

    /** Returns the gateway named by {@code sms.gateway} ({@code smpp}, {@code http} or {@code modem}), not started. */
    public SmsGateway gateway() {
        String kind = required("sms.gateway");
        switch (kind) {
            case "smpp":
                return new SmppGateway(new SmppConfig(required("sms.smpp.host"), integer("sms.smpp.port", 2775),
                        required("sms.smpp.system-id"), required("sms.smpp.password"),
                        keys.getOrDefault("sms.smpp.system-type", ""), required("sms.smpp.source-address"),
                        duration("sms.smpp.enquire-link", Duration.ofSeconds(30)),
                        duration("sms.smpp.response-timeout", Duration.ofSeconds(10)),
                        duration("sms.smpp.reconnect-min", Duration.ofSeconds(1)),
                        duration("sms.smpp.reconnect-max", Duration.ofSeconds(60))));
            case "http":
                return new HttpGateway(new HttpGatewayConfig(required("sms.http.send-url"),
                        Boolean.parseBoolean(keys.getOrDefault("sms.http.post", "false")),
                        keys.get("sms.http.authorization"), duration("sms.http.timeout", Duration.ofSeconds(10)),
                        address("sms.http.receive-address"), keys.get("sms.http.receive-path"),
                        keys.get("sms.http.receive-token")));
            case "modem":
                return new ModemGateway(new ModemConfig(Path.of(required("sms.modem.port")),
                        integer("sms.modem.baud", 115_200),
                        duration("sms.modem.command-timeout", Duration.ofSeconds(10)),
                        Boolean.parseBoolean(keys.getOrDefault("sms.modem.configure-with-stty", "true"))));
            default:
                throw new IllegalArgumentException("sms.gateway must be smpp, http or modem");
        }
    }

    private String required(String key) {
        String value = keys.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing config key " + key);
        }
        return value.strip();
    }

    private int integer(String key, int fallback) {
        String value = keys.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config key " + key + " must be an integer");
        }
    }

    private Duration duration(String key, Duration fallback) {
        String value = keys.get(key);
        if (value == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("config key " + key + " must be a duration like 30s, 2m, 6h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private InetSocketAddress address(String key) {
        String value = keys.get(key);
        if (value == null) {
            return null;
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("config key " + key + " must be host:port");
        }
        return new InetSocketAddress(value.substring(0, colon).strip(), parsePort(key, value.substring(colon + 1)));
    }

    private static int parsePort(String key, String port) {
        try {
            int p = Integer.parseInt(port.strip());
            if (p < 0 || p > 65_535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config key " + key + " has a bad port");
        }
    }

    @Override
    public String toString() {
        return "SmsSettings[" + Objects.requireNonNullElse(keys.get("sms.gateway"), "disabled") + "]";
    }
}

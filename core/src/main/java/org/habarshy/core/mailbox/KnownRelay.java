package org.habarshy.core.mailbox;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A relay the user added: its name (the user's, never sent), its relay code and where to reach it.
 *
 * @param name a-z 0-9 _ -, 1..32 characters
 * @param code the relay's published code
 * @param host host name or IP address
 * @param port TCP port
 */
public record KnownRelay(String name, RelayCode code, String host, int port) {
    /** Valid relay names. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    /** Checks the name and port. */
    public KnownRelay {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(host, "host");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a relay name is 1-32 of a-z, 0-9, _ and -; got '" + name + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
        if (host.isEmpty() || host.length() > 253 || host.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("not a host name or IP address: '" + host + "'");
        }
    }

    /** Returns {@code host:port} (IPv6 literals in brackets). */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** Parses {@code HOST:PORT} or {@code [IPv6]:PORT} into a relay entry. */
    public static KnownRelay of(String name, RelayCode code, String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("the relay address must be HOST:PORT, got '" + address + "'");
        }
        String host = address.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the relay address' port is not a number: '" + address + "'");
        }
        return new KnownRelay(name, code, host, port);
    }
}

package org.habarshy.relay.proxy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.habarshy.core.crypto.Hashing;

/**
 * One proxy: its protocol, host (a DNS name or an IP literal, without brackets) and port. Hosts are compared in
 * lower case. {@link #label()} is the only form that may appear in logs and status: it does not reveal the address.
 */
public record ProxyEndpoint(ProxyKind kind, String host, int port) {
    /** Longest host name (DNS limit). */
    public static final int MAX_HOST_BYTES = 253;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:-]{1,253}");

    /** Checks the host characters and the port, and lower-cases the host. */
    public ProxyEndpoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("proxy host must be 1..253 characters of A-Z a-z 0-9 . : -");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("proxy port must be 1..65535");
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code socks5://HOST:PORT} or {@code http://HOST:PORT} (IPv6 hosts in brackets).
     *
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static ProxyEndpoint parse(String text) {
        String trimmed = text.strip();
        int sep = trimmed.indexOf("://");
        if (sep <= 0) {
            throw new IllegalArgumentException("a proxy is written socks5://HOST:PORT or http://HOST:PORT");
        }
        ProxyKind kind = ProxyKind.ofScheme(trimmed.substring(0, sep).toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw new IllegalArgumentException("unknown proxy scheme (use socks5:// or http://)");
        }
        String rest = trimmed.substring(sep + 3);
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new IllegalArgumentException("a proxy needs HOST:PORT after the scheme");
        }
        String host = rest.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("proxy port is not a number");
        }
        return new ProxyEndpoint(kind, host, port);
    }

    /** Returns the configuration form, {@code scheme://host:port}. Not for logs. */
    public String uri() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return kind.scheme() + "://" + h + ":" + port;
    }

    /**
     * Returns a log-safe label: the kind and the first 4 bytes of a SHA-256 of the URI, e.g. {@code socks5#1a2b3c4d}.
     * An operator can compute it for the proxies on their list; a reader of the log cannot recover the address.
     */
    public String label() {
        byte[] h = Hashing.sha256("habarshy/v1/proxy-label", uri().getBytes(StandardCharsets.UTF_8));
        return kind.scheme() + "#" + HexFormat.of().formatHex(h, 0, 4);
    }

    @Override
    public String toString() {
        return "ProxyEndpoint[" + label() + "]";
    }
}

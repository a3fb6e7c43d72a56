package org.habarshy.desktop.gui.model;

import java.net.InetSocketAddress;

/**
 * A manual peer as the user typed it, {@code HOST:PORT} (IPv6 in brackets). Parsing never touches the network; the
 * host is resolved when the node connects.
 *
 * @param host a host name or IP literal, without brackets
 * @param port 1..65535
 */
public record PeerAddress(String host, int port) {
    /** Longest accepted host, in characters (a DNS name is at most 253). */
    public static final int MAX_HOST_CHARS = 253;

    /** Checks the host is non-blank and the port in range. */
    public PeerAddress {
        if (host == null || host.isBlank() || host.length() > MAX_HOST_CHARS || host.chars().anyMatch(
                c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("peer host must be 1.." + MAX_HOST_CHARS + " characters, no spaces");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("peer port must be 1..65535");
        }
    }

    /** Parses {@code HOST:PORT} or {@code [IPV6]:PORT}; throws {@link IllegalArgumentException} with the reason. */
    public static PeerAddress parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("peer must be HOST:PORT");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("an IPv6 peer must be written [ADDRESS]:PORT");
        }
        String portText = trimmed.substring(colon + 1);
        if (portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("peer port must be a number 1..65535");
        }
        return new PeerAddress(host, Integer.parseInt(portText));
    }

    /** Returns an unresolved socket address; the node resolves it off the UI thread. */
    public InetSocketAddress toUnresolved() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

package org.habarshy.relay.proxy;

/** The proxy protocols a relay can tunnel a federation link through; codes as in docs/PROTOCOL.md section 8.2. */
public enum ProxyKind {
    /** SOCKS version 5 (RFC 1928), CONNECT, no authentication. URI scheme {@code socks5}. */
    SOCKS5(1, "socks5"),
    /** HTTP/1.1 CONNECT (RFC 9110 section 9.3.6). URI scheme {@code http}. */
    HTTP_CONNECT(2, "http");

    private final int code;
    private final String scheme;

    ProxyKind(int code, String scheme) {
        this.code = code;
        this.scheme = scheme;
    }

    /** Returns the one-byte code used in signed proxy lists. */
    public int code() {
        return code;
    }

    /** Returns the URI scheme used in configuration files. */
    public String scheme() {
        return scheme;
    }

    /** Returns the kind with {@code code}, or null for a code this version does not know. */
    static ProxyKind ofCode(int code) {
        for (ProxyKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }

    /** Returns the kind with URI scheme {@code scheme}, or null. */
    static ProxyKind ofScheme(String scheme) {
        for (ProxyKind kind : values()) {
            if (kind.scheme.equals(scheme)) {
                return kind;
            }
        }
        return null;
    }
}

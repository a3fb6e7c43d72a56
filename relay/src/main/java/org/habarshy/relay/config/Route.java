package org.habarshy.relay.config;

/** How a relay reaches a federation peer. */
public enum Route {
    /** A plain TCP connection to the peer. */
    DIRECT,
    /** Only through proxies on a trusted vetted list, never directly. */
    PROXY
}

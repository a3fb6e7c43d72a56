package org.habarshy.relay.status;

/** The relay's counters; each key is the name shown by {@code habarshy-relay status}. */
public enum Counter {
    /** Federation links that came up (directly or through a proxy). */
    FEDERATION_LINKS_UP("federation.linksUp"),
    /** Federation links that closed after coming up. */
    FEDERATION_LINKS_DOWN("federation.linksDown"),
    /** Federation links refused because the peer presented a link key other than its relay code's. */
    FEDERATION_WRONG_KEY("federation.wrongKey"),
    /** Connection attempts through a proxy. */
    PROXY_ATTEMPTS("proxy.attempts"),
    /** Attempts on which the proxy connected us to the peer. */
    PROXY_CONNECTED("proxy.connected"),
    /** Attempts that failed at or behind the proxy, and proxied links that broke. */
    PROXY_FAILURES("proxy.failures"),
    /** Proxies named in the configuration but on no trusted list, refused. */
    PROXY_REFUSED("proxy.refused"),
    /** Health checks that failed. */
    PROXY_CHECKS_FAILED("proxy.checksFailed"),
    /** Direct federation connection attempts. */
    DIRECT_ATTEMPTS("direct.attempts"),
    /** Proxy lists accepted (trusted signer, valid signature, current). */
    LISTS_ACCEPTED("proxyLists.accepted"),
    /** Proxy lists refused as malformed. */
    LISTS_MALFORMED("proxyLists.malformed"),
    /** Proxy lists refused for a signature that does not verify. */
    LISTS_BAD_SIGNATURE("proxyLists.badSignature"),
    /** Proxy lists refused as signed by an untrusted key. */
    LISTS_UNTRUSTED("proxyLists.untrustedSigner"),
    /** Proxy lists refused as expired or badly dated. */
    LISTS_EXPIRED("proxyLists.expired"),
    /** Proxy lists older than one already held from the same signer. */
    LISTS_SUPERSEDED("proxyLists.superseded"),
    /** Mailbox registrations and renewals accepted. */
    MAILBOX_REGISTERED("mailbox.registered"),
    /** Deposits held for a registered mailbox. */
    MAILBOX_HELD("mailbox.held"),
    /** Held envelopes handed over at a pickup. */
    MAILBOX_DELIVERED("mailbox.delivered"),
    /** Deposits refused because the mailbox was full. */
    MAILBOX_OVER_QUOTA("mailbox.overQuota"),
    /** Deposits for a mailbox not registered here (carried, not held). */
    MAILBOX_UNREGISTERED("mailbox.unregistered"),
    /** Mailbox requests refused: malformed, badly signed, stale, unregistered pickup, or too many mailboxes. */
    MAILBOX_REFUSED("mailbox.refused");

    private final String key;

    Counter(String key) {
        this.key = key;
    }

    /** Returns the name used in the status file and JSON. */
    public String key() {
        return key;
    }
}

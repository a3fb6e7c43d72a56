package org.habarshy.relay.proxy;

import java.util.List;
import java.util.Objects;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * A verified vetted-proxy list.
 *
 * @param signer who vouches for the proxies
 * @param proxies the proxies, in the signer's order of preference
 * @param createdAt Unix ms; a newer list from the same signer replaces an older one
 * @param expiresAt Unix ms; after this the list is no longer used
 */
public record ProxyList(IdentityKey signer, List<ProxyEndpoint> proxies, long createdAt, long expiresAt) {
    /** Copies the list. */
    public ProxyList {
        Objects.requireNonNull(signer, "signer");
        proxies = List.copyOf(proxies);
    }
}

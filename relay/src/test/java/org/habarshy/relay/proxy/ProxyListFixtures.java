package org.habarshy.relay.proxy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.habarshy.core.crypto.SigningKeyPair;

/** Builds signed proxy-list envelopes for tests. */
public final class ProxyListFixtures {
    private ProxyListFixtures() {
    }

    /** Returns a fresh signing key. */
    public static SigningKeyPair newKey() {
        return SigningKeyPair.generate(new SecureRandom());
    }

    /** Returns a list envelope valid from {@code createdAt} for {@code lifetime}. */
    public static byte[] list(SigningKeyPair signer, long createdAt, Duration lifetime, List<ProxyEndpoint> proxies) {
        return PublicDocumentFormat.seal(signer, PublicDocumentFormat.TYPE_PROXY_LIST, ProxyListCodec.encode(proxies),
                createdAt, createdAt + lifetime.toMillis());
    }
}

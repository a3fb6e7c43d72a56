package org.habarshy.relay.proxy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.relay.proxy.InvalidDocumentException.Reason;

/**
 * The proxy lists this relay accepts: signed by one of the keys the operator chose to trust, correctly signed, and
 * within their lifetime. For each signer only the newest list counts. A proxy is allowed if an unexpired accepted
 * list names it; every other proxy is refused. Thread-safe.
 */
public final class TrustedProxyLists {
    /** A list created further ahead of this relay's clock is refused. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
    /** A list living longer than this is refused (the mesh's envelope limit). */
    static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private final Set<IdentityKey> trusted;
    private final Clock clock;
    private final Map<IdentityKey, ProxyList> newest = new HashMap<>();

    /** Creates an empty set that will accept lists signed by {@code trusted}. */
    public TrustedProxyLists(Set<IdentityKey> trusted, Clock clock) {
        this.trusted = Set.copyOf(trusted);
        this.clock = clock;
    }

    /**
     * Verifies a proxy-list envelope and, if acceptable, makes it the signer's current list.
     *
     * @throws InvalidDocumentException why it was refused
     */
    public synchronized ProxyList accept(byte[] envelope) throws InvalidDocumentException {
        PublicDocument document = PublicDocumentFormat.open(envelope);
        if (document.type() != PublicDocumentFormat.TYPE_PROXY_LIST) {
            throw new InvalidDocumentException(Reason.MALFORMED, "public document is not a proxy list");
        }
        if (!trusted.contains(document.signer())) {
            throw new InvalidDocumentException(Reason.UNTRUSTED_SIGNER, "proxy list signed by an untrusted key");
        }
        long now = clock.millis();
        if (document.expiresAt() <= now) {
            throw new InvalidDocumentException(Reason.EXPIRED, "proxy list expired");
        }
        if (document.createdAt() > now + MAX_CLOCK_SKEW.toMillis()
                || document.expiresAt() - document.createdAt() > MAX_LIFETIME.toMillis()) {
            throw new InvalidDocumentException(Reason.EXPIRED, "proxy list dated in the future or living too long");
        }
        ProxyList list = new ProxyList(document.signer(), ProxyListCodec.decode(document.body()),
                document.createdAt(), document.expiresAt());
        ProxyList current = newest.get(list.signer());
        if (current != null && current.createdAt() >= list.createdAt()) {
            throw new InvalidDocumentException(Reason.SUPERSEDED, "an equal or newer list from this signer is held");
        }
        newest.put(list.signer(), list);
        return list;
    }

    /** Returns every proxy on a current list, each once, in the lists' order. */
    public synchronized List<ProxyEndpoint> allowed() {
        long now = clock.millis();
        Set<ProxyEndpoint> out = new LinkedHashSet<>();
        List<ProxyList> lists = new ArrayList<>(newest.values());
        lists.sort((a, b) -> Long.compare(b.createdAt(), a.createdAt()));
        for (ProxyList list : lists) {
            if (list.expiresAt() > now) {
                out.addAll(list.proxies());
            }
        }
        return List.copyOf(out);
    }

    /** Returns true if a current trusted list names {@code proxy}. */
    public boolean allows(ProxyEndpoint proxy) {
        return allowed().contains(proxy);
    }

    /** Returns how many signers have a current list. */
    public synchronized int currentLists() {
        long now = clock.millis();
        return (int) newest.values().stream().filter(l -> l.expiresAt() > now).count();
    }
}

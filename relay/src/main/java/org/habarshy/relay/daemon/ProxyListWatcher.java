package org.habarshy.relay.daemon;

import java.util.List;
import java.util.function.Consumer;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.CarriedEnvelope;
import org.habarshy.core.store.StoreException;
import org.habarshy.relay.proxy.InvalidDocumentException;
import org.habarshy.relay.proxy.PublicDocumentFormat;
import org.habarshy.relay.proxy.TrustedProxyLists;
import org.habarshy.relay.status.Counter;
import org.habarshy.relay.status.RelayCounters;

/**
 * Walks the envelopes the relay's node stores (its own and those received from the mesh) and offers every public
 * document to {@link TrustedProxyLists}, every other envelope to the mailbox; each refused list is counted and
 * logged with its reason. Runs on the relay's
 * scheduler, never on an event loop.
 */
final class ProxyListWatcher {
    private static final System.Logger LOG = System.getLogger(ProxyListWatcher.class.getName());
    private static final int BATCH = 500;

    private final Account account;
    private final TrustedProxyLists lists;
    private final RelayCounters counters;
    private final Runnable onNewList;
    private final Consumer<byte[]> others;
    private long cursor;

    /** {@code others} is given every envelope that is not a public document (the mailbox looks at them). */
    ProxyListWatcher(Account account, TrustedProxyLists lists, RelayCounters counters, Runnable onNewList,
                     Consumer<byte[]> others) {
        this.account = account;
        this.lists = lists;
        this.counters = counters;
        this.onNewList = onNewList;
        this.others = others;
    }

    /** Looks at envelopes stored since the last scan. */
    void scan() {
        try {
            boolean accepted = false;
            List<CarriedEnvelope> batch;
            do {
                batch = account.carriedAfter(cursor, BATCH);
                for (CarriedEnvelope e : batch) {
                    cursor = Math.max(cursor, e.seq());
                    byte[] bytes = e.bytes();
                    if (PublicDocumentFormat.isPublicDocument(bytes)) {
                        accepted |= offer(bytes);
                    } else {
                        others.accept(bytes);
                    }
                }
            } while (batch.size() == BATCH);
            if (accepted) {
                onNewList.run();
            }
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot scan for proxy lists: " + e.getMessage());
        }
    }

    /** Offers one proxy-list envelope; returns true if it became a current list. */
    boolean offer(byte[] envelope) {
        try {
            lists.accept(envelope);
            counters.increment(Counter.LISTS_ACCEPTED);
            LOG.log(System.Logger.Level.INFO, "accepted a vetted proxy list ({0} proxies allowed now)",
                    lists.allowed().size());
            return true;
        } catch (InvalidDocumentException e) {
            counters.increment(switch (e.reason()) {
                case MALFORMED -> Counter.LISTS_MALFORMED;
                case BAD_SIGNATURE -> Counter.LISTS_BAD_SIGNATURE;
                case UNTRUSTED_SIGNER -> Counter.LISTS_UNTRUSTED;
                case EXPIRED -> Counter.LISTS_EXPIRED;
                case SUPERSEDED -> Counter.LISTS_SUPERSEDED;
            });
            System.Logger.Level level = e.reason() == InvalidDocumentException.Reason.SUPERSEDED
                    ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING;
            LOG.log(level, "refused a proxy list: " + e.getMessage());
            return false;
        }
    }
}

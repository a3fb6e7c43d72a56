package org.habarshy.relay.sms.mesh;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import org.habarshy.core.compact.CompactCarrier;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.node.Account;
import org.habarshy.core.store.StoreException;
import org.habarshy.relay.sms.SmsPayloadSink;

/**
 * Hands every sealed envelope that arrived whole by SMS to the relay's account ({@link Account#carry}), so its node
 * offers it to the mesh like any envelope; a compact message is put in its compact carrier envelope (kind 0x05,
 * docs/PROTOCOL.md §15.1) first, which its recipient's node opens. Runs on the SMS thread. A store failure is thrown, so the SMS stays
 * unacknowledged and the network delivers it again; an envelope the core refuses (expired, bad lifetime) is counted
 * and dropped.
 */
final class MeshSink implements SmsPayloadSink {
    private static final System.Logger LOG = System.getLogger(MeshSink.class.getName());

    private final Account account;
    private final AtomicLong carried = new AtomicLong();
    private final AtomicLong alreadyHeld = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong compactCarried = new AtomicLong();

    MeshSink(Account account) {
        this.account = account;
    }

    @Override
    public void envelopeReceived(byte[] envelope) {
        try {
            if (account.carry(envelope)) {
                carried.incrementAndGet();
            } else {
                alreadyHeld.incrementAndGet();
            }
        } catch (MalformedEnvelopeException e) {
            refused.incrementAndGet();
            LOG.log(Level.WARNING, "envelope received by SMS refused by the node: {0}", e.getMessage());
        } catch (StoreException e) {
            throw new IllegalStateException("cannot store an envelope received by SMS", e);
        }
    }

    /**
     * Wraps a compact message in its carrier envelope and carries that into the mesh. The wrapper is a function of
     * the compact bytes, so the same message arriving twice (or from two relays) is one envelope.
     */
    @Override
    public void compactReceived(byte[] compactMessage) {
        try {
            if (account.carry(CompactCarrier.wrap(compactMessage))) {
                compactCarried.incrementAndGet();
            } else {
                alreadyHeld.incrementAndGet();
            }
        } catch (MalformedEnvelopeException e) {
            refused.incrementAndGet();
            LOG.log(Level.WARNING, "compact message received by SMS refused by the node: {0}", e.getMessage());
        } catch (StoreException e) {
            throw new IllegalStateException("cannot store a compact message received by SMS", e);
        }
    }

    long carried() {
        return carried.get();
    }

    long alreadyHeld() {
        return alreadyHeld.get();
    }

    long refused() {
        return refused.get();
    }

    long compactCarried() {
        return compactCarried.get();
    }
}

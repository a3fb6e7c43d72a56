package org.habarshy.relay.sms.mesh;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.node.Account;
import org.habarshy.core.store.StoreException;
import org.habarshy.relay.sms.SmsPayloadSink;

/**
 * Hands every sealed envelope that arrived whole by SMS to the relay's account ({@link Account#carry}), so its node
 * offers it to the mesh like any envelope. Runs on the SMS thread. A store failure is thrown, so the SMS stays
 * unacknowledged and the network delivers it again; an envelope the core refuses (expired, bad lifetime) is counted
 * and dropped.
 */
final class MeshSink implements SmsPayloadSink {
    private static final System.Logger LOG = System.getLogger(MeshSink.class.getName());

    private final Account account;
    private final AtomicLong carried = new AtomicLong();
    private final AtomicLong alreadyHeld = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong compactIgnored = new AtomicLong();

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
     * Compact messages are addressed to a phone user's app, which opens them itself; a relay's mesh node has no use
     * for them (they are not core envelopes), so they are counted and not carried.
     */
    @Override
    public void compactReceived(byte[] compactMessage) {
        compactIgnored.incrementAndGet();
        LOG.log(Level.INFO, "compact SMS message received; relays do not carry compact messages into the mesh");
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

    long compactIgnored() {
        return compactIgnored.get();
    }
}

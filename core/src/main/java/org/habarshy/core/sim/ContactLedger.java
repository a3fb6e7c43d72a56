package org.habarshy.core.sim;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.routing.ForwardingPolicy;

/**
 * What happened to every message in one policy run: who received it, whether and when it reached its recipient,
 * how many envelope transfers and carried copies it cost. A recipient recognises its message as the real node does
 * only when {@code verifyOpen} is set (one trial decryption per delivery); otherwise the simulator's knowledge of
 * the recipient stands in for it, to save an X25519 per received envelope.
 */
final class ContactLedger {
    private final ForwardingPolicy policy;
    private final Workload workload;
    private final boolean verifyOpen;
    private final long[] deliveredAt;
    private final int[] carriers;
    private long now;
    private long transfers;
    private long custodyCopies;
    private long rejected;
    private int delivered;
    private int openFailures;

    ContactLedger(ForwardingPolicy policy, Workload workload, boolean verifyOpen) {
        this.policy = policy;
        this.workload = workload;
        this.verifyOpen = verifyOpen;
        this.deliveredAt = new long[workload.size()];
        this.carriers = new int[workload.size()];
        Arrays.fill(deliveredAt, -1);
    }

    boolean purges() {
        return policy.purgesDelivered();
    }

    void now(long time) {
        this.now = time;
    }

    /** Records that the author's node started carrying message {@code index}. */
    void authored(int index) {
        carriers[index]++;
    }

    /** Applies a received envelope: delivery if {@code node} is the recipient, else a carried copy or a look. */
    void received(SimNode node, int index, int copies, int hops, byte[] envelope) {
        transfers++;
        node.seen.set(index);
        SimMessage message = workload.message(index);
        if (node.number == message.recipient()) {
            if (deliveredAt[index] < 0 && opens(node.number, envelope)) {
                deliveredAt[index] = now;
                delivered++;
            }
            if (policy.purgesDelivered()) {
                node.delivered.set(index);
            }
        } else if (copies > 0) {
            node.carry(index, copies, hops);
            custodyCopies++;
            carriers[index]++;
        }
    }

    private boolean opens(int node, byte[] envelope) {
        if (!verifyOpen) {
            return true;
        }
        try {
            if (workload.openerFor(node).open(envelope).isPresent()) {
                return true;
            }
        } catch (GeneralSecurityException | MalformedEnvelopeException e) {
            // Counted below.
        }
        openFailures++;
        return false;
    }

    void rejected() {
        rejected++;
    }

    long transfers() {
        return transfers;
    }

    long custodyCopies() {
        return custodyCopies;
    }

    long rejectedCount() {
        return rejected;
    }

    int delivered() {
        return delivered;
    }

    int openFailures() {
        return openFailures;
    }

    /** Returns the delivery time of message {@code index}, or -1. */
    long deliveredAt(int index) {
        return deliveredAt[index];
    }

    /** Returns the largest number of nodes that ever carried one message (its author included). */
    int maxCarriers() {
        int max = 0;
        for (int c : carriers) {
            max = Math.max(max, c);
        }
        return max;
    }
}

package org.habarshy.core.sim;

/**
 * The outcome of one forwarding policy over one contact schedule and workload.
 *
 * @param policy the policy's name
 * @param messages messages created
 * @param delivered messages that reached their recipient
 * @param medianLatencyMillis median virtual time from creation to delivery (0 if none delivered)
 * @param p95LatencyMillis 95th percentile of that time (nearest rank; 0 if none delivered)
 * @param transfers envelopes sent over links: carried copies plus deliveries plus looks (offered for delivery only)
 * @param custodyCopies transfers after which the receiver carried the envelope on
 * @param linkBytes sync bytes on links: framing, records and the 16-byte tag the link cipher adds per frame
 * @param noticeBytes bytes of delivery notices (anti-packets), as the planned record would carry them
 * @param contacts contacts in the schedule
 * @param syncedContacts contacts where at least one side had something to offer
 * @param maxCarriers most nodes that ever carried one message, its author included
 * @param rejected envelopes a receiver refused (must be 0)
 * @param openFailures deliveries whose trial decryption failed (must be 0; checked only when asked)
 * @param wallMillis wall-clock time of the run
 * @param cpuMillis CPU time of the run's event-loop thread, which runs every contact of it
 */
public record PolicyResult(String policy, int messages, int delivered, long medianLatencyMillis,
                           long p95LatencyMillis, long transfers, long custodyCopies, long linkBytes,
                           long noticeBytes, long contacts, long syncedContacts, int maxCarriers, long rejected,
                           int openFailures, long wallMillis, long cpuMillis) {
    /** Returns delivered / messages. */
    public double deliveryRatio() {
        return messages == 0 ? 0 : (double) delivered / messages;
    }

    /** Returns envelope transfers per delivered message. */
    public double transfersPerDelivered() {
        return delivered == 0 ? 0 : (double) transfers / delivered;
    }

    /** Returns carried copies per delivered message. */
    public double custodyCopiesPerDelivered() {
        return delivered == 0 ? 0 : (double) custodyCopies / delivered;
    }

    /** Returns all bytes (sync and notices) per delivered message. */
    public double bytesPerDelivered() {
        return delivered == 0 ? 0 : (double) (linkBytes + noticeBytes) / delivered;
    }
}

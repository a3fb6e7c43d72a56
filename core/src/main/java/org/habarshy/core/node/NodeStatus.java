package org.habarshy.core.node;

import java.util.List;
import java.util.Objects;
import org.habarshy.core.store.EnvelopeTotals;
import org.habarshy.core.transport.LinkStatus;

/**
 * A snapshot of a running node, written to the data directory every {@link StatusFile#INTERVAL}.
 *
 * @param pid the node's process id
 * @param startedAt when the node started, Unix ms
 * @param updatedAt when this snapshot was taken, Unix ms
 * @param port the TCP port it listens on
 * @param links established links, oldest first
 * @param envelopes what the envelope store holds
 * @param bytesIn bytes read from all links since start
 * @param bytesOut bytes written to all links since start
 * @param rejected envelopes refused from peers since start, every reason but duplicates
 * @param carry the carry quota, and refusals by reason, evictions and throttling since start
 */
public record NodeStatus(long pid, long startedAt, long updatedAt, int port, List<LinkStatus> links,
                         EnvelopeTotals envelopes, long bytesIn, long bytesOut, long rejected, CarryStatus carry) {
    /** Copies the list. */
    public NodeStatus {
        links = List.copyOf(links);
        Objects.requireNonNull(carry, "carry");
    }

    /** A status without carry details ({@link CarryStatus#UNKNOWN}). */
    public NodeStatus(long pid, long startedAt, long updatedAt, int port, List<LinkStatus> links,
                      EnvelopeTotals envelopes, long bytesIn, long bytesOut, long rejected) {
        this(pid, startedAt, updatedAt, port, links, envelopes, bytesIn, bytesOut, rejected, CarryStatus.UNKNOWN);
    }
}

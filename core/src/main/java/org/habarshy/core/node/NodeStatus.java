package org.habarshy.core.node;

import java.util.List;
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
 * @param rejected envelopes refused from peers since start (malformed, expired, future-dated, too long-lived)
 */
public record NodeStatus(long pid, long startedAt, long updatedAt, int port, List<LinkStatus> links,
                         EnvelopeTotals envelopes, long bytesIn, long bytesOut, long rejected) {
    /** Copies the list. */
    public NodeStatus {
        links = List.copyOf(links);
    }
}

package org.habarshy.desktop.gui.model;

import java.util.List;
import java.util.Optional;
import org.habarshy.core.node.NodeStatus;
import org.habarshy.core.transport.LinkStatus;

/**
 * What the network screen shows.
 *
 * @param running whether the node runs
 * @param error why it does not, or empty
 * @param port the port it listens on, 0 if not running
 * @param mdns whether local discovery (mDNS) is on
 * @param manualPeers how many manual peers are configured
 * @param links established links, oldest first
 * @param bytesIn bytes received on all links since start
 * @param bytesOut bytes sent on all links since start
 * @param held envelopes stored (own and carried)
 * @param carried envelopes carried for others
 * @param rejected envelopes refused from peers
 * @param carryUsedBytes bytes of envelopes carried for others now held
 * @param carryQuotaBytes the quota for them (0: unknown)
 */
public record NetworkSummary(boolean running, String error, int port, boolean mdns, int manualPeers,
                             List<LinkStatus> links, long bytesIn, long bytesOut, long held, long carried,
                             long rejected, long carryUsedBytes, long carryQuotaBytes) {
    /** Copies the list. */
    public NetworkSummary {
        links = List.copyOf(links);
    }

    /** Summarises {@code status} (empty when no node runs) under {@code settings}. */
    public static NetworkSummary of(Optional<NodeStatus> status, String error, Settings settings) {
        if (status.isEmpty()) {
            return new NetworkSummary(false, error, 0, settings.mdns(), settings.manualPeers().size(), List.of(),
                    0, 0, 0, 0, 0, 0, 0);
        }
        NodeStatus s = status.get();
        return new NetworkSummary(true, "", s.port(), settings.mdns(), settings.manualPeers().size(), s.links(),
                s.bytesIn(), s.bytesOut(), s.envelopes().held(), s.envelopes().carried(), s.rejected(),
                s.carry().usedBytes(), s.carry().quotaBytes());
    }

    /** Returns the state of each way this node can reach others, in the order the network screen lists them. */
    public List<TransportStatus> transports() {
        return TransportStatus.of(this);
    }

    /** Returns how many links this node opened (to manual, remembered or discovered peers). */
    public long outgoingLinks() {
        return links.stream().filter(LinkStatus::outgoing).count();
    }

    /** Returns how many links are still in their initial exchange. */
    public long syncing() {
        return links.stream().filter(LinkStatus::syncing).count();
    }

    /** Returns 0..100: the share of links whose initial exchange is done (100 with no links). */
    public int syncPercent() {
        return links.isEmpty() ? 100 : (int) (100 * (links.size() - syncing()) / links.size());
    }

    /** Formats a byte count with binary units, e.g. {@code 1.5 KiB}. */
    public static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}

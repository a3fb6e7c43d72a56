package org.habarshy.core.node;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.habarshy.core.store.EnvelopeTotals;
import org.habarshy.core.transport.LinkStatus;

/**
 * The running node's status, as a small properties file ({@code node.status}) in the data directory, so
 * that {@code habarshy status} in another process can show it. Written atomically; removed when the node
 * stops. It holds counts and short link labels only: no addresses, keys or message content.
 */
public final class StatusFile {
    /** How often a running node rewrites the file. */
    public static final Duration INTERVAL = Duration.ofSeconds(2);
    /** File name inside the data directory. */
    public static final String FILE_NAME = "node.status";
    private static final String FORMAT = "1";
    private static final String REJECTED_PREFIX = "rejected.";

    private final Path file;

    /** Creates access to the status file of {@code dataDir}. */
    public StatusFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** Replaces the file with {@code status}. */
    public void write(NodeStatus status) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("pid", Long.toString(status.pid()));
        p.setProperty("started", Long.toString(status.startedAt()));
        p.setProperty("updated", Long.toString(status.updatedAt()));
        p.setProperty("port", Integer.toString(status.port()));
        p.setProperty("envelopes.held", Long.toString(status.envelopes().held()));
        p.setProperty("envelopes.heldBytes", Long.toString(status.envelopes().heldBytes()));
        p.setProperty("envelopes.carried", Long.toString(status.envelopes().carried()));
        p.setProperty("envelopes.carriedBytes", Long.toString(status.envelopes().carriedBytes()));
        p.setProperty("bytes.in", Long.toString(status.bytesIn()));
        p.setProperty("bytes.out", Long.toString(status.bytesOut()));
        p.setProperty("rejected", Long.toString(status.rejected()));
        CarryStatus carry = status.carry();
        p.setProperty("carry.quota", Long.toString(carry.quotaBytes()));
        p.setProperty("carry.used", Long.toString(carry.usedBytes()));
        p.setProperty("carry.evicted", Long.toString(carry.evicted()));
        p.setProperty("carry.throttled", Long.toString(carry.throttled()));
        for (Map.Entry<String, Long> e : carry.rejected().entrySet()) {
            p.setProperty(REJECTED_PREFIX + e.getKey(), Long.toString(e.getValue()));
        }
        p.setProperty("links", Integer.toString(status.links().size()));
        for (int i = 0; i < status.links().size(); i++) {
            LinkStatus l = status.links().get(i);
            p.setProperty("link." + i, String.join(",", l.label(), Boolean.toString(l.outgoing()),
                    Long.toString(l.since()), Boolean.toString(l.peerOfferDone()),
                    Integer.toString(l.outstandingRequests()), Long.toString(l.received()), Long.toString(l.sent())));
        }
        new PropertiesFile(file).write(p);
    }

    /** Removes the file (the node stopped). */
    public void delete() throws IOException {
        new PropertiesFile(file).delete();
    }

    /**
     * Returns the last status written, or empty if no node wrote one.
     *
     * @throws IOException if the file exists but cannot be read or is not a status file
     */
    public Optional<NodeStatus> read() throws IOException {
        Optional<Properties> read = new PropertiesFile(file).read();
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Properties p = read.get();
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException(file + " is not a status file this version understands");
        }
        try {
            int count = Integer.parseInt(p.getProperty("links"));
            if (count < 0 || count > 10_000) {
                throw new IOException(file + " is damaged");
            }
            List<LinkStatus> links = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String[] f = p.getProperty("link." + i, "").split(",", -1);
                if (f.length != 7) {
                    throw new IOException(file + " is damaged");
                }
                links.add(new LinkStatus(f[0], Boolean.parseBoolean(f[1]), Long.parseLong(f[2]),
                        Boolean.parseBoolean(f[3]), Integer.parseInt(f[4]), Long.parseLong(f[5]),
                        Long.parseLong(f[6])));
            }
            EnvelopeTotals totals = new EnvelopeTotals(number(p, "envelopes.held"), number(p, "envelopes.heldBytes"),
                    number(p, "envelopes.carried"), number(p, "envelopes.carriedBytes"));
            return Optional.of(new NodeStatus(number(p, "pid"), number(p, "started"), number(p, "updated"),
                    (int) number(p, "port"), links, totals, number(p, "bytes.in"), number(p, "bytes.out"),
                    number(p, "rejected"), carry(p)));
        } catch (NumberFormatException | NullPointerException e) {
            throw new IOException(file + " is damaged", e);
        }
    }

    private static CarryStatus carry(Properties p) {
        if (p.getProperty("carry.quota") == null) {
            return CarryStatus.UNKNOWN;
        }
        Map<String, Long> rejected = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(REJECTED_PREFIX) && key.length() <= REJECTED_PREFIX.length() + 32) {
                rejected.put(key.substring(REJECTED_PREFIX.length()), number(p, key));
            }
        }
        return new CarryStatus(number(p, "carry.quota"), number(p, "carry.used"), number(p, "carry.evicted"),
                number(p, "carry.throttled"), rejected);
    }

    private static long number(Properties p, String key) {
        return Long.parseLong(p.getProperty(key));
    }
}

package org.habarshy.relay.status;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.habarshy.core.node.PropertiesFile;

/**
 * {@code relay.status} in the relay's data directory: the running relay's {@link RelayStatus} as a properties file,
 * replaced atomically every few seconds and removed at a clean stop, read by {@code habarshy-relay status}.
 */
public final class RelayStatusFile {
    /** File name inside the data directory. */
    public static final String FILE_NAME = "relay.status";
    private static final String FORMAT = "1";

    private final Path file;

    /** Creates access to the status file of {@code dataDir}. */
    public RelayStatusFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** Replaces the file with {@code status}. */
    public void write(RelayStatus status) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("pid", Long.toString(status.pid()));
        p.setProperty("started", Long.toString(status.startedAt()));
        p.setProperty("updated", Long.toString(status.updatedAt()));
        p.setProperty("port", Integer.toString(status.port()));
        p.setProperty("mesh.links", Integer.toString(status.meshLinks()));
        p.setProperty("envelopes.held", Long.toString(status.envelopesHeld()));
        p.setProperty("proxyLists.current", Integer.toString(status.trustedLists()));
        p.setProperty("proxies.allowed", Integer.toString(status.allowedProxies()));
        p.setProperty("mailbox.key", status.mailboxKey());
        p.setProperty("mailbox.users", Integer.toString(status.mailboxUsers()));
        p.setProperty("bridges", String.join(",", status.bridges()));
        p.setProperty("federation", Integer.toString(status.federation().size()));
        for (int i = 0; i < status.federation().size(); i++) {
            FederationState f = status.federation().get(i);
            p.setProperty("federation." + i, String.join(",", f.name(), Boolean.toString(f.up()), f.via(),
                    Integer.toString(f.usableProxies())));
        }
        status.counters().forEach((k, v) -> p.setProperty("counter." + k, Long.toString(v)));
        new PropertiesFile(file).write(p);
    }

    /** Removes the file (the relay stopped). */
    public void delete() throws IOException {
        new PropertiesFile(file).delete();
    }

    /**
     * Returns the last status written, or empty if no relay wrote one.
     *
     * @throws IOException if the file cannot be read or is not a relay status file
     */
    public Optional<RelayStatus> read() throws IOException {
        Optional<Properties> read = new PropertiesFile(file).read();
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Properties p = read.get();
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException("not a relay status file: " + file);
        }
        try {
            List<FederationState> federation = new ArrayList<>();
            int n = Integer.parseInt(p.getProperty("federation", "0"));
            for (int i = 0; i < n && i < 1024; i++) {
                String[] f = p.getProperty("federation." + i, "").split(",", -1);
                if (f.length != 4) {
                    throw new IOException("damaged relay status file: " + file);
                }
                federation.add(new FederationState(f[0], Boolean.parseBoolean(f[1]), f[2], Integer.parseInt(f[3])));
            }
            Map<String, Long> counters = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("counter.")) {
                    counters.put(key.substring("counter.".length()), Long.parseLong(p.getProperty(key)));
                }
            }
            String bridges = p.getProperty("bridges", "");
            return Optional.of(new RelayStatus(Long.parseLong(p.getProperty("pid")),
                    Long.parseLong(p.getProperty("started")), Long.parseLong(p.getProperty("updated")),
                    Integer.parseInt(p.getProperty("port")), Integer.parseInt(p.getProperty("mesh.links")),
                    Long.parseLong(p.getProperty("envelopes.held")),
                    Integer.parseInt(p.getProperty("proxyLists.current")),
                    Integer.parseInt(p.getProperty("proxies.allowed")), p.getProperty("mailbox.key", ""),
                    Integer.parseInt(p.getProperty("mailbox.users", "0")),
                    bridges.isEmpty() ? List.of() : List.of(bridges.split(",")), federation, counters));
        } catch (NumberFormatException | NullPointerException e) {
            throw new IOException("damaged relay status file: " + file);
        }
    }
}

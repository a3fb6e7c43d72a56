package org.habarshy.relay.testing;

import java.nio.file.Path;
import java.util.Properties;
import org.habarshy.relay.config.RelayConfig;
import org.habarshy.relay.config.RelayConfigLoader;

/** Builds relay configurations for tests, through the same parser as configuration files. */
public final class Relays {
    private Relays() {
    }

    /** Returns the embedded defaults with a data directory, loopback listening on a free port and no mDNS. */
    public static Properties loopback(Path dataDir) throws Exception {
        Properties p = RelayConfigLoader.defaults();
        p.setProperty("data.dir", dataDir.toString());
        p.setProperty("listen.bind", "127.0.0.1");
        p.setProperty("listen.port", "0");
        p.setProperty("mdns", "false");
        p.setProperty("status.interval.seconds", "1");
        return p;
    }

    /** Parses complete properties. */
    public static RelayConfig config(Properties p, Path base) throws Exception {
        return RelayConfigLoader.parse(p, base);
    }
}

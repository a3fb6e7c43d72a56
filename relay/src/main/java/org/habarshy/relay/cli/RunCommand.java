package org.habarshy.relay.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.habarshy.relay.config.RelayConfig;
import org.habarshy.relay.config.RelayConfigLoader;
import org.habarshy.relay.daemon.BridgeFactory;
import org.habarshy.relay.daemon.RelayDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/** {@code habarshy-relay run --config FILE}: runs the relay in the foreground until SIGINT or SIGTERM. */
@Command(name = "run", description = "Run the relay in the foreground until Ctrl-C (SIGINT) or SIGTERM.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "The relay's configuration (a properties file; see README.md, \"Running a relay\").")
    Path config;

    @Override
    public Integer call() throws Exception {
        RelayConfig relayConfig = RelayConfigLoader.load(config);
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        // The SMS slot: every BridgeFactory registered in META-INF/services (the SMS bridge, once it lands).
        List<BridgeFactory> bridges = ServiceLoader.load(BridgeFactory.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        try (RelayDaemon daemon = RelayDaemon.start(relayConfig, Clock.systemUTC(), bridges)) {
            stop.await();
            System.getLogger("org.habarshy.relay").log(System.Logger.Level.INFO, "stopping");
        }
        return 0;
    }
}

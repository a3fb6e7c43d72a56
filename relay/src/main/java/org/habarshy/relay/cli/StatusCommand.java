package org.habarshy.relay.cli;

import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.habarshy.relay.config.RelayConfigLoader;
import org.habarshy.relay.status.FederationState;
import org.habarshy.relay.status.RelayStatus;
import org.habarshy.relay.status.RelayStatusFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy-relay status}: what the running relay of a configuration is doing, with its counters. */
@Command(name = "status", description = "Show the running relay's links, proxies and counters.")
final class StatusCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The relay's configuration.")
    Path config;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dataDir = RelayConfigLoader.load(config).dataDir();
        Optional<RelayStatus> status = new RelayStatusFile(dataDir).read();
        PrintWriter out = spec.commandLine().getOut();
        if (status.isEmpty()) {
            if (json) {
                out.println("{\"running\":false}");
            } else {
                out.println("no relay is running on this configuration's data directory");
            }
            out.flush();
            return 3;
        }
        RelayStatus s = status.get();
        if (json) {
            out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(s));
        } else {
            out.printf("relay pid %d on port %d, %d mesh link(s), %d envelope(s) held%n", s.pid(), s.port(),
                    s.meshLinks(), s.envelopesHeld());
            out.printf("proxy lists: %d current, %d proxies allowed%n", s.trustedLists(), s.allowedProxies());
            if (!s.mailboxKey().isEmpty()) {
                out.printf("mailbox: %d registered; key %s%n", s.mailboxUsers(), s.mailboxKey());
            }
            out.printf("bridges: %s%n", s.bridges().isEmpty() ? "none" : String.join(", ", s.bridges()));
            for (FederationState f : s.federation()) {
                out.printf("federation %s: %s via %s (%d usable proxies)%n", f.name(), f.up() ? "up" : "down",
                        f.via(), f.usableProxies());
            }
            s.counters().forEach((k, v) -> out.printf("  %-28s %d%n", k, v));
        }
        out.flush();
        return 0;
    }
}

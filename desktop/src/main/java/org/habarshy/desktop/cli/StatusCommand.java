package org.habarshy.desktop.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.habarshy.core.node.CarryStatus;
import org.habarshy.core.node.NodeStatus;
import org.habarshy.core.node.StatusFile;
import org.habarshy.core.transport.LinkStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy status [--json]}: what the node running on this data directory is doing. */
@Command(name = "status", description = "Show the running node's links, stored and carried envelopes, traffic "
        + "and sync progress.")
final class StatusCommand implements Callable<Integer> {
    /** Exit code when no node runs on the data directory. */
    static final int NOT_RUNNING = 3;

    @Mixin
    DataDirOption data;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<NodeStatus> found = new StatusFile(data.resolve()).read();
        boolean alive = found.isPresent() && ProcessHandle.of(found.get().pid()).map(ProcessHandle::isAlive)
                .orElse(false);
        if (!alive) {
            spec.commandLine().getErr().println("habarshy: no node is running on " + data.resolve()
                    + " (start one with 'habarshy run')");
            return NOT_RUNNING;
        }
        NodeStatus status = found.get();
        if (json) {
            out.println(new Gson().toJson(toJson(status)));
        } else {
            print(out, status);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, NodeStatus s) {
        long now = System.currentTimeMillis();
        out.printf("node      running on port %d for %s (pid %d)%n", s.port(), ago(now - s.startedAt()), s.pid());
        out.printf("envelopes %d held (%s), %d carried for others (%s)%n", s.envelopes().held(),
                size(s.envelopes().heldBytes()), s.envelopes().carried(), size(s.envelopes().carriedBytes()));
        out.printf("traffic   %s in, %s out; %d envelope(s) rejected%n", size(s.bytesIn()), size(s.bytesOut()),
                s.rejected());
        CarryStatus c = s.carry();
        out.printf("carry     %s of %s quota used; %d evicted, links throttled %d time(s)%n", size(c.usedBytes()),
                size(c.quotaBytes()), c.evicted(), c.throttled());
        StringBuilder reasons = new StringBuilder();
        for (Map.Entry<String, Long> e : c.rejected().entrySet()) {
            if (e.getValue() > 0) {
                reasons.append(reasons.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            }
        }
        out.printf("refused   %s%n", reasons.length() == 0 ? "none" : reasons);
        out.printf("links     %d%n", s.links().size());
        for (LinkStatus l : s.links()) {
            out.printf("  %s  %s  up %s  %s  received %d, sent %d%n", l.label(), l.outgoing() ? "out" : "in ",
                    ago(now - l.since()), l.syncing() ? "syncing (" + l.outstandingRequests() + " pending)" : "in sync",
                    l.received(), l.sent());
        }
    }

    private static JsonObject toJson(NodeStatus s) {
        JsonObject o = new JsonObject();
        o.addProperty("pid", s.pid());
        o.addProperty("port", s.port());
        o.addProperty("started", Instant.ofEpochMilli(s.startedAt()).toString());
        o.addProperty("updated", Instant.ofEpochMilli(s.updatedAt()).toString());
        o.addProperty("envelopesHeld", s.envelopes().held());
        o.addProperty("bytesHeld", s.envelopes().heldBytes());
        o.addProperty("envelopesCarried", s.envelopes().carried());
        o.addProperty("bytesCarried", s.envelopes().carriedBytes());
        o.addProperty("bytesIn", s.bytesIn());
        o.addProperty("bytesOut", s.bytesOut());
        o.addProperty("rejected", s.rejected());
        JsonObject carry = new JsonObject();
        carry.addProperty("quotaBytes", s.carry().quotaBytes());
        carry.addProperty("usedBytes", s.carry().usedBytes());
        carry.addProperty("evicted", s.carry().evicted());
        carry.addProperty("throttled", s.carry().throttled());
        JsonObject reasons = new JsonObject();
        for (Map.Entry<String, Long> e : s.carry().rejected().entrySet()) {
            reasons.addProperty(e.getKey(), e.getValue());
        }
        carry.add("rejectedByReason", reasons);
        o.add("carry", carry);
        JsonArray links = new JsonArray();
        for (LinkStatus l : s.links()) {
            JsonObject link = new JsonObject();
            link.addProperty("peer", l.label());
            link.addProperty("transport", "tcp");
            link.addProperty("direction", l.outgoing() ? "out" : "in");
            link.addProperty("since", Instant.ofEpochMilli(l.since()).toString());
            link.addProperty("syncing", l.syncing());
            link.addProperty("pendingRequests", l.outstandingRequests());
            link.addProperty("received", l.received());
            link.addProperty("sent", l.sent());
            links.add(link);
        }
        o.add("links", links);
        return o;
    }

    private static String ago(long millis) {
        Duration d = Duration.ofMillis(Math.max(0, millis));
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format("%.1f KiB", bytes / 1024.0)
                : String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}

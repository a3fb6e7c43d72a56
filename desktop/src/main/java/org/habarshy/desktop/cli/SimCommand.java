package org.habarshy.desktop.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.habarshy.core.sim.CityGrid;
import org.habarshy.core.sim.MovementParameters;
import org.habarshy.core.sim.PolicyResult;
import org.habarshy.core.sim.Scenario;
import org.habarshy.core.sim.SimConfig;
import org.habarshy.core.sim.SimReport;
import org.habarshy.core.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code habarshy sim}: simulates a city of nodes meeting as they walk, with the real sync code and sealed
 * envelopes, and compares forwarding policies. Needs no identity or data directory.
 */
@Command(name = "sim", description = "Simulate a city-scale delay-tolerant mesh (virtual time, real sync code and "
        + "sealed envelopes) and compare forwarding policies: delivery ratio, latency, copies and bytes per "
        + "delivered message.")
final class SimCommand implements Callable<Integer> {
    /** Most nodes times messages: each policy run keeps about 5 bytes per pair. */
    static final long MAX_NODE_MESSAGES = 200_000_000L;

    @Option(names = "--nodes", defaultValue = "1000", description = "People with a node (2..100000; default "
            + "${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--messages", defaultValue = "10000", description = "Messages sent during the window "
            + "(0..1000000; default ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--scenario", defaultValue = "waypoint", description = "Mobility: waypoint (random waypoint "
            + "on the street grid) or neighbourhood (people stay in their block, a few travel); default "
            + "${DEFAULT-VALUE}.")
    String scenario;

    @Option(names = "--duration", defaultValue = "24h", converter = VirtualDuration.class,
            description = "Virtual time simulated, e.g. 90m, 24h, 2d (default ${DEFAULT-VALUE}).")
    long duration;

    @Option(names = "--window", defaultValue = "12h", converter = VirtualDuration.class,
            description = "Messages are created uniformly within this first part of the run (default "
                    + "${DEFAULT-VALUE}).")
    long window;

    @Option(names = "--ttl", defaultValue = "12h", converter = VirtualDuration.class,
            description = "Envelope lifetime (default ${DEFAULT-VALUE}).")
    long ttl;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice; the same seed "
            + "gives the same results (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--policies", defaultValue = "epidemic,spray-and-wait,habarshy", split = ",",
            description = "Policies to compare, comma-separated (default ${DEFAULT-VALUE}).")
    List<String> policies;

    @Option(names = "--spray-copies", defaultValue = "16", description = "L of binary spray-and-wait (default "
            + "${DEFAULT-VALUE}).")
    int sprayCopies;

    @Option(names = "--ours-copies", defaultValue = "" + SimDefaults.OURS_COPIES,
            description = "Initial copy budget of Habarshy's policy (default ${DEFAULT-VALUE}).")
    int oursCopies;

    @Option(names = "--city", defaultValue = "5000", description = "Side of the square city in metres "
            + "(default ${DEFAULT-VALUE}).")
    double citySide;

    @Option(names = "--blocks", defaultValue = "5", description = "Neighbourhoods along each side of the city "
            + "(default ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--range", defaultValue = "30", description = "Radio range in metres (default "
            + "${DEFAULT-VALUE}).")
    double range;

    @Option(names = "--travellers", defaultValue = "0.05", description = "Share of travellers in the "
            + "neighbourhood scenario (default ${DEFAULT-VALUE}).")
    double travellers;

    @Option(names = "--verify-open", description = "Have each recipient open its envelope by trial decryption "
            + "(slower; checks the envelopes end to end).")
    boolean verifyOpen;

    @Option(names = "--threads", description = "Policies simulated at once (default: the number of CPUs).")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SimConfig config = config();
        SimReport report = new Simulator(config).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new GsonBuilder().create().toJson(toJson(report)));
        } else {
            print(out, report);
        }
        out.flush();
        return 0;
    }

    private SimConfig config() {
        if (nodes < 2 || nodes > 100_000) {
            throw new IllegalArgumentException("--nodes must be 2..100000");
        }
        if (messages < 0 || messages > 1_000_000) {
            throw new IllegalArgumentException("--messages must be 0..1000000");
        }
        if ((long) nodes * messages > MAX_NODE_MESSAGES) {
            throw new IllegalArgumentException("--nodes × --messages must be at most " + MAX_NODE_MESSAGES
                    + " (memory)");
        }
        if (window > duration) {
            throw new IllegalArgumentException("--window must not be longer than --duration");
        }
        if (!(citySide >= 100 && citySide <= 100_000) || blocks < 1 || blocks > 100 || !(range > 0 && range <= 1000)
                || !(travellers >= 0 && travellers <= 1)) {
            throw new IllegalArgumentException("--city must be 100..100000 m, --blocks 1..100, --range (0, 1000] m "
                    + "and --travellers 0..1");
        }
        for (String p : policies) {
            if (!SimConfig.POLICIES.contains(p)) {
                throw new IllegalArgumentException("unknown policy '" + p + "' (known: "
                        + String.join(", ", SimConfig.POLICIES) + ")");
            }
        }
        if (sprayCopies < 1 || oursCopies < 1) {
            throw new IllegalArgumentException("copy budgets must be at least 1");
        }
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (parallel < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        SimConfig base = SimConfig.defaults(nodes, messages, scenario(), seed);
        MovementParameters d = MovementParameters.DEFAULT;
        return new SimConfig(nodes, messages, scenario(), duration, window, ttl, seed,
                new CityGrid(citySide, citySide, base.city().streetSpacing(), blocks),
                new MovementParameters(d.minSpeed(), d.maxSpeed(), d.maxPauseMillis(), d.stepMillis(), range),
                travellers, base.visitChance(), policies, sprayCopies, oursCopies, base.encounterWindowMillis(),
                verifyOpen, parallel);
    }

    private Scenario scenario() {
        for (Scenario s : Scenario.values()) {
            if (s.label().equals(scenario)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + scenario + "' (known: waypoint, neighbourhood)");
    }

    private static void print(PrintWriter out, SimReport r) {
        SimConfig c = r.config();
        out.printf(Locale.ROOT, "%d nodes, %d messages, scenario %s, %s virtual, seed %d: %d contacts, envelopes "
                + "%.1f KiB on average%n", c.nodes(), c.messages(), c.scenario().label(), hours(c.durationMillis()),
                c.seed(), r.contacts(), c.messages() == 0 ? 0.0 : r.envelopeBytes() / 1024.0 / c.messages());
        out.printf(Locale.ROOT, "%-15s %9s %10s %10s %12s %12s %14s %9s %9s%n", "policy", "delivered", "median",
                "p95", "copies/del", "carried/del", "bytes/del", "wall", "cpu");
        for (PolicyResult p : r.results()) {
            out.printf(Locale.ROOT, "%-15s %8.2f%% %10s %10s %12.1f %12.1f %14.0f %8.1fs %8.1fs%n",
                    p.policy(), 100 * p.deliveryRatio(), minutes(p.medianLatencyMillis()),
                    minutes(p.p95LatencyMillis()),
                    p.transfersPerDelivered(), p.custodyCopiesPerDelivered(), p.bytesPerDelivered(),
                    p.wallMillis() / 1000.0, p.cpuMillis() / 1000.0);
        }
        out.printf(Locale.ROOT, "setup %.1fs, total %.1fs wall, %.1fs CPU (all threads)%n", r.setupMillis() / 1000.0,
                r.wallMillis() / 1000.0, r.cpuMillis() / 1000.0);
        out.println("copies/del: envelopes sent over links per delivered message (carried copies, deliveries and "
                + "offers for delivery only); carried/del: copies a receiver carried on.");
    }

    private static String minutes(long millis) {
        return String.format(Locale.ROOT, "%.1f min", millis / 60_000.0);
    }

    private static String hours(long millis) {
        return String.format(Locale.ROOT, "%.1f h", millis / 3_600_000.0);
    }

    private static JsonObject toJson(SimReport r) {
        SimConfig c = r.config();
        JsonObject o = new JsonObject();
        o.addProperty("nodes", c.nodes());
        o.addProperty("messages", c.messages());
        o.addProperty("scenario", c.scenario().label());
        o.addProperty("durationMillis", c.durationMillis());
        o.addProperty("windowMillis", c.messageWindowMillis());
        o.addProperty("ttlMillis", c.ttlMillis());
        o.addProperty("seed", c.seed());
        o.addProperty("contacts", r.contacts());
        o.addProperty("envelopeBytes", r.envelopeBytes());
        o.addProperty("setupMillis", r.setupMillis());
        o.addProperty("wallMillis", r.wallMillis());
        o.addProperty("cpuMillis", r.cpuMillis());
        JsonArray results = new JsonArray();
        for (PolicyResult p : r.results()) {
            JsonObject j = new JsonObject();
            j.addProperty("policy", p.policy());
            j.addProperty("delivered", p.delivered());
            j.addProperty("deliveryRatio", p.deliveryRatio());
            j.addProperty("medianLatencyMillis", p.medianLatencyMillis());
            j.addProperty("p95LatencyMillis", p.p95LatencyMillis());
            j.addProperty("transfers", p.transfers());
            j.addProperty("copiesPerDelivered", p.transfersPerDelivered());
            j.addProperty("custodyCopies", p.custodyCopies());
            j.addProperty("carriedCopiesPerDelivered", p.custodyCopiesPerDelivered());
            j.addProperty("linkBytes", p.linkBytes());
            j.addProperty("noticeBytes", p.noticeBytes());
            j.addProperty("bytesPerDelivered", p.bytesPerDelivered());
            j.addProperty("syncedContacts", p.syncedContacts());
            j.addProperty("maxCarriers", p.maxCarriers());
            j.addProperty("rejected", p.rejected());
            j.addProperty("openFailures", p.openFailures());
            j.addProperty("wallMillis", p.wallMillis());
            j.addProperty("cpuMillis", p.cpuMillis());
            results.add(j);
        }
        o.add("results", results);
        return o;
    }

    /** Parses {@code 90s}, {@code 45m}, {@code 24h}, {@code 2d} (or plain milliseconds) into milliseconds. */
    static final class VirtualDuration implements ITypeConverter<Long> {
        private static final Pattern FORMAT = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)?");

        @Override
        public Long convert(String value) {
            Matcher m = FORMAT.matcher(value.strip());
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a duration such as 90m, 24h or 2d");
            }
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            long millis = switch (unit) {
                case "s" -> n * 1_000L;
                case "m" -> n * 60_000L;
                case "h" -> n * 3_600_000L;
                case "d" -> n * 86_400_000L;
                default -> n;
            };
            if (millis <= 0 || millis > 365L * 86_400_000L) {
                throw new TypeConversionException("'" + value + "' must be more than 0 and at most a year");
            }
            return millis;
        }
    }

    /** Defaults that docs/BENCHMARKS.md measured. */
    static final class SimDefaults {
        static final int OURS_COPIES = 128;

        private SimDefaults() {
        }
    }
}

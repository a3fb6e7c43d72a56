package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.habarshy.core.node.Account;
import org.habarshy.core.testing.Await;
import org.habarshy.core.testing.NetworkNamespaces;

/**
 * Runs {@code habarshy} commands and nodes as child JVMs for one test, with their output in files under
 * a temporary directory; {@link #close} (call it from {@code @AfterEach}) kills whatever still runs.
 * Failure messages carry the tails of every child's output.
 */
final class HabarshyProcesses implements AutoCloseable {
    /** Bounds one CLI command (JVM start-up included) and a node's start; failing tests only. */
    static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);
    /** Bounds waiting for a message to travel between two running nodes; failing tests only. */
    static final Duration DELIVERY_LIMIT = Duration.ofSeconds(90);
    /** Printed by 'habarshy run' once it listens. */
    static final String NODE_RUNNING = "node running on port";
    static final int SIGINT = 2;

    /**
     * A dotted quad that is not part of a longer number, nor a version inside a file or artifact name such as
     * {@code sqlite-3.50.3.0-<uuid>-libsqlitejdbc.so} or {@code sqlite-jdbc-3.50.3.0.jar} (a name, then a hyphen):
     * an address in a log line follows a space, a slash, a colon, an equals sign or a bracket, never "name-".
     */
    static final Pattern RAW_IPV4 = Pattern.compile(
            "(?<![0-9.])(?<![A-Za-z0-9_]-)(?:[0-9]{1,3}\\.){3}[0-9]{1,3}(?![0-9])");
    private static final Pattern QUEUED = Pattern.compile("(?m)^queued ([0-9a-f]{64})$");

    private final Path root;
    private final Path logs;
    private final List<HabarshyProcess> started = new CopyOnWriteArrayList<>();
    private final List<String> launcherPrefix;
    /** Kills the children if the test JVM itself is stopped (Ctrl-C on Maven, a fork timeout). */
    private final Thread killOnExit = new Thread(this::killAll, "kill-habarshy-children");
    private int count;

    /** Child output goes to {@code root/logs}; data directories made by {@link #init} live in {@code root}. */
    HabarshyProcesses(Path root) throws IOException, InterruptedException {
        this.root = root;
        this.logs = Files.createDirectories(root.resolve("logs"));
        this.launcherPrefix = sigintPrefix();
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** The result of a finished command. */
    record Result(String name, int exitCode, String stdout, String stderr) {
        /** A description for assertion messages. */
        String describe() {
            return name + " exited with " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
        }

        /** The envelope id from a successful 'habarshy send' ("queued HEX"). */
        String queuedId() {
            Matcher m = QUEUED.matcher(stdout);
            assertThat(m.find()).as("send prints 'queued ID'\n%s", describe()).isTrue();
            return m.group(1);
        }
    }

    /** Runs {@code habarshy args...} to completion. */
    Result run(String... args) throws Exception {
        HabarshyProcess process = launch("cli-" + (args.length > 0 ? args[0] : "none"), List.of(args));
        int exit = process.awaitExit(COMMAND_LIMIT);
        return new Result(process.name() + " " + String.join(" ", args), exit, process.stdout(), process.stderr());
    }

    /** Runs {@code habarshy args...} and asserts it succeeded. */
    Result ok(String... args) throws Exception {
        Result result = run(args);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result;
    }

    /**
     * Starts {@code habarshy run --data DIR --bind 127.0.0.1 --port PORT extra...} and waits until it
     * listens.
     */
    HabarshyProcess startNode(String name, Path data, int port, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--data", data.toString(), "--bind", "127.0.0.1",
                "--port", Integer.toString(port)));
        args.addAll(List.of(extra));
        return startNode(name, List.of(), args);
    }

    /**
     * Starts {@code wrapper... java ... habarshy args...} (args begin with {@code run}) and waits until it
     * listens; {@code wrapper} runs the JVM in another context, e.g. {@code ip netns exec NAMESPACE}, and must
     * exec it so that the JVM keeps the child's process id.
     */
    HabarshyProcess startNode(String name, List<String> wrapper, List<String> args) throws Exception {
        HabarshyProcess node = launchNode(name, wrapper, args);
        node.awaitOutput(NODE_RUNNING, COMMAND_LIMIT);
        return node;
    }

    /**
     * Starts {@code habarshy run --data DIR --port PORT} inside network namespace {@code namespace} (through
     * {@code ip netns exec}), with neither --bind nor --peer: mDNS on every interface of the namespace, as a user
     * would run it. Waits until it listens.
     */
    HabarshyProcess startNodeIn(String namespace, String name, Path data, int port) throws Exception {
        return startNode(name, NetworkNamespaces.execIn(namespace),
                List.of("run", "--data", data.toString(), "--port", Integer.toString(port)));
    }

    /**
     * Like {@link #startNode(String, List, List)} but returns at once, for a test that must act while the node
     * starts (it may sync before it prints that it runs); wait with {@code awaitOutput(NODE_RUNNING, ...)}.
     */
    HabarshyProcess launchNode(String name, List<String> wrapper, List<String> args) throws IOException {
        return launch(name, wrapper, args);
    }

    /** Runs 'habarshy init --name NAME' in a new data directory {@code root/NAME} and returns it. */
    Path init(String name) throws Exception {
        Path data = root.resolve(name);
        ok("init", "--name", name, "--data", data.toString());
        return data;
    }

    /** Returns the contact code printed by 'habarshy id'. */
    String contactCode(Path data) throws Exception {
        return ok("id", "--data", data.toString()).stdout().strip();
    }

    /** Creates two users, each with the other as a contact under the other's name. */
    Path[] befriend(String a, String b) throws Exception {
        Path dataA = init(a);
        Path dataB = init(b);
        ok("contact", "add", contactCode(dataB), "--alias", b, "--data", dataA.toString());
        ok("contact", "add", contactCode(dataA), "--alias", a, "--data", dataB.toString());
        return new Path[] {dataA, dataB};
    }

    /** Runs 'habarshy send ALIAS TEXT' against {@code data} and returns the envelope id. */
    String send(Path data, String alias, String text) throws Exception {
        return ok("send", "--data", data.toString(), alias, text).queuedId();
    }

    /** Runs 'habarshy messages --json' and parses its lines. */
    List<JsonObject> messages(Path data) throws Exception {
        Result result = ok("messages", "--json", "--data", data.toString());
        List<JsonObject> out = new ArrayList<>();
        for (String line : result.stdout().lines().toList()) {
            if (!line.isBlank()) {
                out.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return out;
    }

    /** Returns the message with this id in {@code data}, if listed. */
    Optional<JsonObject> message(Path data, String id) throws Exception {
        return messages(data).stream().filter(m -> m.get("id").getAsString().equals(id)).findFirst();
    }

    /** Waits until the message {@code id} is listed in {@code data} with {@code state}; returns it. */
    JsonObject awaitMessageState(Path data, String id, String state) throws Exception {
        JsonObject[] found = new JsonObject[1];
        await("message " + id + " in " + data.getFileName() + " with state " + state, DELIVERY_LIMIT, () -> {
            Optional<JsonObject> message = message(data, id);
            message.ifPresent(m -> found[0] = m);
            return message.isPresent() && message.get().get("state").getAsString().equals(state);
        });
        return found[0];
    }

    /** Runs 'habarshy status --json' (the node on {@code data} must be running) and parses it. */
    JsonObject status(Path data) throws Exception {
        return JsonParser.parseString(ok("status", "--json", "--data", data.toString()).stdout()).getAsJsonObject();
    }

    /**
     * Waits until 'habarshy status --json' on {@code data} shows {@code field} equal to {@code expected}; returns
     * that status. The node rewrites its status file every two seconds.
     */
    JsonObject awaitStatus(Path data, String field, long expected, Duration limit) throws Exception {
        JsonObject[] last = new JsonObject[1];
        await("status of " + data.getFileName() + " with " + field + " = " + expected, limit, () -> {
            last[0] = status(data);
            return last[0].get(field).getAsLong() == expected;
        });
        return last[0];
    }

    /**
     * Seals and queues one message per text to the contact {@code alias} in this JVM, through
     * {@link Account#send} as 'habarshy send' does, without a JVM start per message; returns the ids in order.
     * A node process running on {@code data} picks them up as it does after 'habarshy send'.
     */
    static List<String> sendInProcess(Path data, String alias, List<String> texts) throws Exception {
        List<String> ids = new ArrayList<>(texts.size());
        try (Account account = Account.open(data, Clock.systemUTC())) {
            for (String text : texts) {
                ids.add(account.send(alias, text).hex());
            }
        }
        return ids;
    }

    /** Checks the JSON fields of one line of 'habarshy messages --json'. */
    static void assertMessage(JsonObject message, String id, String from, String to, String text, String state) {
        assertThat(message.keySet()).as("%s", message).contains("id", "from", "to", "text", "state", "time");
        assertThat(message.get("id").getAsString()).as("%s", message).isEqualTo(id);
        assertThat(message.get("from").getAsString()).as("%s", message).isEqualTo(from);
        assertThat(message.get("to").getAsString()).as("%s", message).isEqualTo(to);
        assertThat(message.get("text").getAsString()).as("%s", message).isEqualTo(text);
        assertThat(message.get("state").getAsString()).as("%s", message).isEqualTo(state);
        assertThat(message.get("direction").getAsString()).as("%s", message)
                .isEqualTo(from.equals("me") ? "out" : "in");
        assertThat(Instant.parse(message.get("time").getAsString())).as("%s", message)
                .isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    }

    /**
     * Checks that a node's output names no IP address (v4 or v6, raw) and none of {@code peerPorts}; its own
     * listening port may appear.
     */
    static void assertNoPeerAddresses(HabarshyProcess node, int... peerPorts) {
        String output = node.stdout() + node.stderr();
        assertThat(RAW_IPV4.matcher(output).find()).as("raw IPv4 address in the log\n%s", node.tail()).isFalse();
        assertThat(output).as("raw IPv6 or host name in the log\n%s", node.tail())
                .doesNotContain("::1").doesNotContain("0:0:0:0:0:0:0:1").doesNotContainIgnoringCase("localhost");
        for (int port : peerPorts) {
            Pattern number = Pattern.compile("(?<![0-9A-Za-z])" + port + "(?![0-9A-Za-z])");
            assertThat(number.matcher(output).find()).as("peer port %d in the log\n%s", port, node.tail()).isFalse();
        }
    }

    /** {@link Await#until}, with every child's output tail added to the failure message. */
    void await(String what, Duration limit, Callable<Boolean> condition) throws Exception {
        try {
            Await.until(what, limit, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + diagnostics(), e);
        }
    }

    /** The output tails of every node, for failure messages (commands are described by their own results). */
    String diagnostics() {
        StringBuilder out = new StringBuilder();
        for (HabarshyProcess process : started) {
            if (!process.name().contains("-cli-")) {
                out.append(process.tail());
            }
        }
        out.append("(every child's full output is in ").append(logs).append(")\n");
        return out.toString();
    }

    /** Picks a currently free TCP port on 127.0.0.1. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** True when this JVM ignores SIGINT; the children then inherit that unless the launcher resets it. */
    boolean childrenMayIgnoreSigint() {
        return launcherPrefix.isEmpty() && sigintIgnoredHere();
    }

    @Override
    public void close() throws InterruptedException {
        for (HabarshyProcess process : started) {
            process.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook does the same.
        }
    }

    private void killAll() {
        for (HabarshyProcess process : started) {
            try {
                process.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HabarshyProcess launch(String name, List<String> args) throws IOException {
        return launch(name, List.of(), args);
    }

    private HabarshyProcess launch(String name, List<String> wrapper, List<String> args) throws IOException {
        String unique = String.format("%02d-%s", ++count, name);
        List<String> prefix = new ArrayList<>(launcherPrefix);
        prefix.addAll(wrapper);
        HabarshyProcess process = HabarshyProcess.start(unique, logs, prefix, root, args);
        started.add(process);
        return process;
    }

    private static boolean sigintIgnoredHere() {
        try {
            return HabarshyProcess.SignalMask.ignored(Path.of("/proc/self/status"), SIGINT);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * When a shell without job control started this JVM (or Maven) in the background, SIGINT is ignored here and
     * every child would inherit that, so the JVM would never see Ctrl-C. GNU env can restore the default.
     */
    private static List<String> sigintPrefix() throws InterruptedException {
        if (!sigintIgnoredHere()) {
            return List.of();
        }
        List<String> prefix = List.of("env", "--default-signal=INT");
        try {
            List<String> probe = new ArrayList<>(prefix);
            probe.add("true");
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return prefix;
            }
            p.destroyForcibly();
        } catch (IOException e) {
            // No GNU env: the SIGINT test skips itself.
        }
        return List.of();
    }
}

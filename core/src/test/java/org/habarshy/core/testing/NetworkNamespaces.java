package org.habarshy.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Linux network namespaces joined by veth pairs, for tests that run node processes on a real (virtual) network
 * with nothing else on it: a namespace holds only its loopback interface and the veth ends given to it, so no
 * packet can reach another network. Veth ends are created directly inside their namespaces and vanish with them.
 *
 * <p>Namespace names are {@code PREFIX-PID-NAME}, PID being this JVM's. At construction, namespaces with the same
 * prefix whose creating JVM is gone (a run killed before its clean-up) are removed, after killing by pid the
 * processes still running in them (children that run left behind); namespaces of runs still alive are left
 * alone. {@link #close} removes this instance's namespaces. Needs root and iproute2: check {@link #unavailable}
 * first and skip the test with the reason it gives.
 */
public final class NetworkNamespaces implements AutoCloseable {
    private static final long COMMAND_SECONDS = 20;

    private final String prefix;
    private final List<String> created = new ArrayList<>();

    /**
     * Creates a fixture whose namespaces are named {@code prefix-PID-NAME}, and removes the leftovers of dead
     * runs with this prefix.
     *
     * @param prefix letters, digits or '-', e.g. {@code hb-mesh}
     */
    public NetworkNamespaces(String prefix) throws IOException, InterruptedException {
        if (!prefix.matches("[A-Za-z0-9-]{1,20}")) {
            throw new IllegalArgumentException("prefix must be 1 to 20 letters, digits or '-'");
        }
        this.prefix = prefix;
        removeLeftovers();
    }

    /** Returns why network namespaces cannot be used here (not Linux, not root, no iproute2), or empty if they can. */
    public static Optional<String> unavailable() {
        if (!System.getProperty("os.name").toLowerCase().contains("linux")) {
            return Optional.of("needs Linux network namespaces");
        }
        try {
            Result uid = exec(List.of("id", "-u"));
            if (uid.exit() != 0 || !uid.output().strip().equals("0")) {
                return Optional.of("needs root to create network namespaces");
            }
            Result list = exec(List.of("ip", "netns", "list"));
            if (list.exit() != 0) {
                return Optional.of("'ip netns list' failed: " + list.output().strip());
            }
        } catch (IOException e) {
            return Optional.of("cannot run 'id' or 'ip' (iproute2): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        return Optional.empty();
    }

    /** Creates the namespace {@code prefix-PID-name} with its loopback interface up, and returns its full name. */
    public String add(String name) throws IOException, InterruptedException {
        String namespace = prefix + "-" + ProcessHandle.current().pid() + "-" + name;
        require("ip", "netns", "add", namespace);
        created.add(namespace);
        // As on any real machine; without ::1 the JVM would decide at start-up that there is no IPv6.
        require("ip", "-n", namespace, "link", "set", "lo", "up");
        return namespace;
    }

    /**
     * Joins two namespaces by a veth pair: {@code linkA} in {@code namespaceA} and {@code linkB} in
     * {@code namespaceB} (interface names: at most 15 characters). Each end gets its IPv4 address (CIDR, e.g.
     * {@code 169.254.31.1/24}) if one is given, and an IPv6 link-local address without duplicate address
     * detection, so that it is usable at once. Both ends are left down: see {@link #setUp}.
     */
    public void link(String namespaceA, String linkA, String addressA, String namespaceB, String linkB,
                     String addressB) throws IOException, InterruptedException {
        require("ip", "link", "add", linkA, "netns", namespaceA, "type", "veth", "peer", "name", linkB, "netns",
                namespaceB);
        configure(namespaceA, linkA, addressA);
        configure(namespaceB, linkB, addressB);
    }

    private static void configure(String namespace, String link, String address)
            throws IOException, InterruptedException {
        require("ip", "netns", "exec", namespace, "sysctl", "-qw", "net.ipv6.conf." + link + ".accept_dad=0");
        if (address != null) {
            require("ip", "-n", namespace, "addr", "add", address, "dev", link);
        }
    }

    /** Sets interface {@code link} of {@code namespace} up or down ({@code ip link set ... up|down}). */
    public void setUp(String namespace, String link, boolean up) throws IOException, InterruptedException {
        require("ip", "-n", namespace, "link", "set", link, up ? "up" : "down");
    }

    /** Returns the words that run a command inside {@code namespace}: {@code ip netns exec NAMESPACE}. */
    public static List<String> execIn(String namespace) {
        return List.of("ip", "netns", "exec", namespace);
    }

    /** Runs {@code command} and returns its output; fails if it does not exit with 0. */
    public static String require(String... command) throws IOException, InterruptedException {
        Result result = exec(List.of(command));
        if (result.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + result.exit() + ": "
                    + result.output().strip());
        }
        return result.output();
    }

    /**
     * Returns how many packets interface {@code link} of this machine's own (initial) namespace has sent, from
     * {@code /sys/class/net/LINK/statistics/tx_packets}, or -1 if there is no such interface: compare it before and
     * after a test to show that nothing left through it (other traffic of the machine counts too).
     */
    public static long hostTxPackets(String link) throws IOException {
        java.nio.file.Path counter = Path.of("/sys/class/net", link, "statistics", "tx_packets");
        return Files.exists(counter)
                ? Long.parseLong(Files.readString(counter).strip()) : -1;
    }

    /** Removes this fixture's namespaces (processes still in them are the caller's to stop first). */
    @Override
    public void close() throws IOException, InterruptedException {
        for (String namespace : created) {
            exec(List.of("ip", "netns", "del", namespace));
        }
        created.clear();
    }

    private void removeLeftovers() throws IOException, InterruptedException {
        Result list = exec(List.of("ip", "netns", "list"));
        if (list.exit() != 0) {
            return;
        }
        for (String line : list.output().lines().toList()) {
            String namespace = line.split(" ", 2)[0];
            if (!namespace.startsWith(prefix + "-")) {
                continue;
            }
            String[] rest = namespace.substring(prefix.length() + 1).split("-", 2);
            long pid;
            try {
                pid = Long.parseLong(rest[0]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            Result pids = exec(List.of("ip", "netns", "pids", namespace));
            for (String child : pids.output().lines().map(String::strip).filter(s -> s.matches("[0-9]+")).toList()) {
                ProcessHandle.of(Long.parseLong(child)).ifPresent(ProcessHandle::destroyForcibly);
            }
            exec(List.of("ip", "netns", "del", namespace));
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

package org.habarshy.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two node processes, each in a network namespace of its own, joined only by a veth pair: discovery over a real
 * (virtual) Ethernet link, IPv4 and IPv6 link-local, using the default "every usable interface" mode. The nodes
 * start before the link is up, as on a phone that joins a hotspot later. The namespaces contain nothing but that
 * link, so no packet can reach any other network. Needs root and iproute2; skipped otherwise.
 */
class MdnsPeerDiscoveryNetnsTest {
    private static final System.Logger LOG = System.getLogger(MdnsPeerDiscoveryNetnsTest.class.getName());
    private static final long WAIT_SECONDS = 30;
    private static final String ADDRESS_A = "169.254.77.1";
    private static final String ADDRESS_B = "169.254.77.2";

    private final String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 100_000));
    private final String namespaceA = "hb-a-" + suffix;
    private final String namespaceB = "hb-b-" + suffix;
    private final String linkA = "hba" + suffix;
    private final String linkB = "hbb" + suffix;
    private final List<Child> children = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();

    @BeforeEach
    void createLinkedNamespaces() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "needs Linux network namespaces");
        assumeTrue(run("ip", "netns", "add", namespaceA) == 0, "cannot create network namespaces (needs root)");
        namespaces.add(namespaceA);
        require("ip", "netns", "add", namespaceB);
        namespaces.add(namespaceB);
        require("ip", "link", "add", linkA, "netns", namespaceA, "type", "veth", "peer", "name", linkB, "netns",
                namespaceB);
        configure(namespaceA, linkA, ADDRESS_A);
        configure(namespaceB, linkB, ADDRESS_B);
    }

    @AfterEach
    void removeNamespaces() throws Exception {
        for (Child child : children) {
            child.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (String namespace : namespaces) {
            run("ip", "netns", "del", namespace);
        }
    }

    @Test
    void nodesInTwoNamespacesFindEachOtherOverVeth() throws Exception {
        String idA = randomId();
        String idB = randomId();
        Child a = launch(namespaceA, idA, 7001);
        Child b = launch(namespaceB, idB, 7002);
        assertThat(a.await(line -> line.equals("started"))).as("A starts; A said %s", a.lines).isTrue();
        assertThat(b.await(line -> line.equals("started"))).as("B starts; B said %s", b.lines).isTrue();

        long upNanos = System.nanoTime();
        require("ip", "-n", namespaceA, "link", "set", linkA, "up");
        require("ip", "-n", namespaceB, "link", "set", linkB, "up");

        assertThat(a.await(line -> line.equals("found " + idB + " " + ADDRESS_B + " 7002")))
                .as("A finds B over IPv4; A said %s", a.lines).isTrue();
        assertThat(b.await(line -> line.equals("found " + idA + " " + ADDRESS_A + " 7001")))
                .as("B finds A over IPv4; B said %s", b.lines).isTrue();
        LOG.log(System.Logger.Level.INFO, "veth discovery: both found over IPv4 {0} ms after link up",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - upNanos));
        assertThat(a.awaitOrSeen(line -> line.matches("found " + idB + " fe80:[0-9a-f:]+%" + linkA + " 7002")))
                .as("A finds B over IPv6 link-local, scoped to its link; A said %s", a.lines).isTrue();

        b.process.getOutputStream().close();
        assertThat(b.await(line -> line.equals("closed"))).as("B closes; B said %s", b.lines).isTrue();
        assertThat(a.await(line -> line.equals("lost " + idB))).as("A loses B; A said %s", a.lines).isTrue();

        LOG.log(System.Logger.Level.INFO, "A said {0}; B said {1}", a.lines, b.lines);
        assertThat(a.lines).noneMatch(line -> line.startsWith("found " + idA));
        assertThat(b.lines).noneMatch(line -> line.startsWith("found " + idB));
    }

    private void configure(String namespace, String link, String address) throws Exception {
        require("ip", "netns", "exec", namespace, "sysctl", "-qw", "net.ipv6.conf." + link + ".accept_dad=0");
        require("ip", "-n", namespace, "addr", "add", address + "/16", "dev", link);
        // as on any real machine; without ::1 the JVM would decide at start-up that there is no IPv6
        require("ip", "-n", namespace, "link", "set", "lo", "up");
    }

    private Child launch(String namespace, String instanceId, int port) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, java, "-cp",
                System.getProperty("java.class.path")));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.addAll(List.of(DiscoveryProcess.class.getName(), instanceId, Integer.toString(port), "2"));
        Path errors = Files.createTempFile("hb-discovery-", ".log");
        errors.toFile().deleteOnExit();
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        Child child = new Child(process);
        children.add(child);
        return child;
    }

    private static void require(String... command) throws Exception {
        assertThat(run(command)).as("exit status of %s", String.join(" ", command)).isZero();
    }

    private static int run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(20, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A node process and the lines it printed. */
    private static final class Child {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final LinkedBlockingQueue<String> fresh = new LinkedBlockingQueue<>();

        Child(Process process) {
            this.process = process;
            Thread reader = new Thread(this::readOutput, "discovery-process-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void readOutput() {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    fresh.add(line);
                }
            } catch (IOException e) {
                // process gone
            }
        }

        /** Like {@link #await}, but also accepts a line printed before. */
        boolean awaitOrSeen(Predicate<String> wanted) throws InterruptedException {
            return lines.stream().anyMatch(wanted) || await(wanted);
        }

        /** Waits for a line, not seen before, that is {@code wanted}. */
        boolean await(Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                String line = fresh.poll(left, TimeUnit.NANOSECONDS);
                if (line != null && wanted.test(line)) {
                    return true;
                }
            }
            return false;
        }
    }
}

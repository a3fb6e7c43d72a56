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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.habarshy.core.testing.NetworkNamespaces;
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
    private static final String LINK_A = "hba";
    private static final String LINK_B = "hbb";

    private final List<Child> children = new ArrayList<>();
    private NetworkNamespaces network;
    private String namespaceA;
    private String namespaceB;

    @BeforeEach
    void createLinkedNamespaces() throws Exception {
        Optional<String> unavailable = NetworkNamespaces.unavailable();
        assumeTrue(unavailable.isEmpty(), () -> unavailable.orElseThrow());
        network = new NetworkNamespaces("hb-disc");
        namespaceA = network.add("a");
        namespaceB = network.add("b");
        network.link(namespaceA, LINK_A, ADDRESS_A + "/16", namespaceB, LINK_B, ADDRESS_B + "/16");
    }

    @AfterEach
    void removeNamespaces() throws Exception {
        for (Child child : children) {
            child.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (network != null) {
            network.close();
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
        network.setUp(namespaceA, LINK_A, true);
        network.setUp(namespaceB, LINK_B, true);

        assertThat(a.await(line -> line.equals("found " + idB + " " + ADDRESS_B + " 7002")))
                .as("A finds B over IPv4; A said %s", a.lines).isTrue();
        assertThat(b.await(line -> line.equals("found " + idA + " " + ADDRESS_A + " 7001")))
                .as("B finds A over IPv4; B said %s", b.lines).isTrue();
        LOG.log(System.Logger.Level.INFO, "veth discovery: both found over IPv4 {0} ms after link up",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - upNanos));
        assertThat(a.awaitOrSeen(line -> line.matches("found " + idB + " fe80:[0-9a-f:]+%" + LINK_A + " 7002")))
                .as("A finds B over IPv6 link-local, scoped to its link; A said %s", a.lines).isTrue();

        b.process.getOutputStream().close();
        assertThat(b.await(line -> line.equals("closed"))).as("B closes; B said %s", b.lines).isTrue();
        assertThat(a.await(line -> line.equals("lost " + idB))).as("A loses B; A said %s", a.lines).isTrue();

        LOG.log(System.Logger.Level.INFO, "A said {0}; B said {1}", a.lines, b.lines);
        assertThat(a.lines).noneMatch(line -> line.startsWith("found " + idA));
        assertThat(b.lines).noneMatch(line -> line.startsWith("found " + idB));
    }

    private Child launch(String namespace, String instanceId, int port) throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(NetworkNamespaces.execIn(namespace));
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path")));
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

package org.habarshy.core.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real JmDNS-backed discoveries in this JVM, both bound to 127.0.0.1, so no packet can leave the machine.
 * Needs root to switch on multicast for the loopback interface ({@code ip link set lo multicast on}); skipped
 * otherwise.
 */
class MdnsPeerDiscoveryLoopbackTest {
    private static final System.Logger LOG = System.getLogger(MdnsPeerDiscoveryLoopbackTest.class.getName());
    private static final long WAIT_SECONDS = 20;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private InetAddress loopback;

    @BeforeAll
    static void enableLoopbackMulticast() throws InterruptedException {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "needs Linux (ip link)");
        int exit;
        try {
            Process ip = new ProcessBuilder("ip", "link", "set", "lo", "multicast", "on")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            exit = ip.waitFor(10, TimeUnit.SECONDS) ? ip.exitValue() : -1;
        } catch (IOException e) {
            exit = -1;
        }
        assumeTrue(exit == 0, "cannot enable multicast on lo (needs root and iproute2)");
    }

    @BeforeEach
    void loopbackAddress() throws IOException {
        loopback = InetAddress.getByName("127.0.0.1");
        assertThat(loopback.isLoopbackAddress()).isTrue();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void twoNodesFindEachOtherAndNotThemselves() throws Exception {
        String idA = randomId();
        String idB = randomId();
        Node a = node("a", idA);
        Node b = node("b", idB);

        long startNanos = System.nanoTime();
        a.discovery.start(40001, a.events);
        b.discovery.start(40002, b.events);

        assertThat(a.events.awaitFound(idB)).isEqualTo(new DiscoveredPeer(idB, new InetSocketAddress(loopback, 40002)));
        long firstFoundMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        assertThat(b.events.awaitFound(idA)).isEqualTo(new DiscoveredPeer(idA, new InetSocketAddress(loopback, 40001)));
        long bothFoundMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        LOG.log(System.Logger.Level.INFO, "loopback discovery: first peerFound after {0} ms, both after {1} ms",
                firstFoundMillis, bothFoundMillis);

        long lostStart = System.nanoTime();
        b.discovery.close();
        assertThat(a.events.awaitLost(idB)).isTrue();
        LOG.log(System.Logger.Level.INFO, "peerLost {0} ms after close",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lostStart));

        assertThat(a.events.found).noneMatch(peer -> peer.instanceId().equals(idA));
        assertThat(b.events.found).noneMatch(peer -> peer.instanceId().equals(idB));
        assertThat(a.events.found).filteredOn(peer -> peer.instanceId().equals(idB)).hasSize(1);
        assertThat(a.events.threads).containsOnly("callbacks-a");
        assertThat(b.events.threads).containsOnly("callbacks-b");
    }

    @Test
    void aNodeStartedLaterIsFound() throws Exception {
        String idA = randomId();
        String idB = randomId();
        Node a = node("a", idA);
        a.discovery.start(40011, a.events);
        Thread.sleep(3_000);
        Node b = node("b", idB);
        b.discovery.start(40012, b.events);

        assertThat(a.events.awaitFound(idB)).isEqualTo(new DiscoveredPeer(idB, new InetSocketAddress(loopback, 40012)));
        assertThat(b.events.awaitFound(idA)).isEqualTo(new DiscoveredPeer(idA, new InetSocketAddress(loopback, 40011)));
    }

    @Test
    void startsOnceAndClosesIdempotently() throws Exception {
        String id = randomId();
        Node a = node("a", id);
        a.discovery.start(40021, a.events);
        assertThatThrownBy(() -> a.discovery.start(40022, a.events)).isInstanceOf(IllegalStateException.class);
        Thread.sleep(1_000);

        long closeStart = System.nanoTime();
        a.discovery.close();
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closeStart);
        a.discovery.close();
        LOG.log(System.Logger.Level.INFO, "close took {0} ms", closeMillis);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (workerAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(workerAlive()).as("habarshy-mdns threads still running after close").isFalse();
        assertThat(a.events.found).noneMatch(peer -> peer.instanceId().equals(id));
    }

    private static boolean workerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("habarshy-mdns") && thread.isAlive());
    }

    private Node node(String name, String instanceId) {
        ExecutorService callbacks = Executors.newSingleThreadExecutor(task -> new Thread(task, "callbacks-" + name));
        toClose.add(callbacks::shutdownNow);
        Recorder events = new Recorder();
        MdnsPeerDiscovery discovery = new MdnsPeerDiscovery(List.of(loopback), instanceId, callbacks,
                Duration.ofSeconds(2));
        toClose.add(discovery);
        return new Node(discovery, events);
    }

    private static String randomId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private record Node(MdnsPeerDiscovery discovery, Recorder events) {
    }

    /** Records listener calls and the threads they came on. */
    private static final class Recorder implements PeerDiscoveryListener {
        final List<DiscoveredPeer> found = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final LinkedBlockingQueue<DiscoveredPeer> foundQueue = new LinkedBlockingQueue<>();
        private final LinkedBlockingQueue<String> lostQueue = new LinkedBlockingQueue<>();

        @Override
        public void peerFound(DiscoveredPeer peer) {
            threads.add(Thread.currentThread().getName());
            found.add(peer);
            foundQueue.add(peer);
        }

        @Override
        public void peerLost(String instanceId) {
            threads.add(Thread.currentThread().getName());
            lostQueue.add(instanceId);
        }

        /** Waits for {@code instanceId} to be found, ignoring other peers (other nodes may run on this host). */
        DiscoveredPeer awaitFound(String instanceId) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                DiscoveredPeer peer = foundQueue.poll(left, TimeUnit.NANOSECONDS);
                if (peer != null && peer.instanceId().equals(instanceId)) {
                    return peer;
                }
            }
            return null;
        }

        boolean awaitLost(String instanceId) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                if (instanceId.equals(lostQueue.poll(left, TimeUnit.NANOSECONDS))) {
                    return true;
                }
            }
            return false;
        }
    }
}

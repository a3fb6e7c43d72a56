package org.habarshy.core.discovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A node that only discovers, run as its own JVM by {@link MdnsPeerDiscoveryNetnsTest} inside a network
 * namespace. Arguments: instance id, port, seconds between address checks. Discovers on every usable
 * interface (the default), prints
 * {@code found <id> <address> <port>} and {@code lost <id>} lines, and closes when its input ends.
 */
public final class DiscoveryProcess {
    private DiscoveryProcess() {
    }

    /**
     * Runs until standard input ends.
     *
     * @param args instance id, port and seconds between address checks
     * @throws IOException if discovery cannot start
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        Duration refresh = Duration.ofSeconds(Long.parseLong(args[2]));
        try (MdnsPeerDiscovery discovery = new MdnsPeerDiscovery(List.of(), args[0], callbacks, refresh)) {
            discovery.start(Integer.parseInt(args[1]), new PeerDiscoveryListener() {
                @Override
                public void peerFound(DiscoveredPeer peer) {
                    out.println("found " + peer.instanceId() + " " + peer.address().getAddress().getHostAddress() + " "
                            + peer.address().getPort());
                }

                @Override
                public void peerLost(String instanceId) {
                    out.println("lost " + instanceId);
                }
            });
            out.println("started");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // wait for end of input
            }
        } finally {
            callbacks.shutdownNow();
            out.println("closed");
        }
    }
}

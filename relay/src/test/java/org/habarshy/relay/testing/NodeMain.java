package org.habarshy.relay.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import sun.misc.Signal;

/**
 * A plain mesh node as a process, for tests that put nodes in network namespaces: {@code NodeMain DATA_DIR BIND_IP
 * PORT PEER_IP:PORT}. Runs until SIGTERM. Other processes (the test) send and read messages on the same data
 * directory, which the node notices, as with {@code habarshy send}.
 */
public final class NodeMain {
    private NodeMain() {
    }

    /** Runs the node. */
    public static void main(String[] args) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        String peer = args[3];
        int colon = peer.lastIndexOf(':');
        NodeConfig config = new NodeConfig(Optional.of(InetAddress.getByName(args[1])), Integer.parseInt(args[2]),
                List.of(new InetSocketAddress(InetAddress.getByName(peer.substring(0, colon)),
                        Integer.parseInt(peer.substring(colon + 1)))), false);
        try (Account account = Account.open(Path.of(args[0]), Clock.systemUTC());
             Node node = Node.start(account, config)) {
            System.out.println("ready " + node.port());
            System.out.flush();
            stop.await();
        }
    }
}

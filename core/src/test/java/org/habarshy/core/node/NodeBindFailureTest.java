package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that cannot listen (port taken) fails with a clear error and leaves no threads of its own behind. */
class NodeBindFailureTest {
    @TempDir
    Path dir;

    @Test
    void aTakenPortIsAClearErrorAndTheNodesThreadsStop() throws Exception {
        Set<Thread> before = nodeThreads();
        try (ServerSocket taken = new ServerSocket();
             Account account = Account.create(dir.resolve("a"), "A", Clock.systemUTC())) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            NodeConfig config = new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), taken.getLocalPort(),
                    List.of(), false);

            assertThatThrownBy(() -> Node.start(account, config))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot listen on port " + taken.getLocalPort() + ": ");

            Await.until("the failed node's io and crypto threads to end", Duration.ofSeconds(10),
                    () -> before.containsAll(nodeThreads()));
            assertThat(account.contacts()).as("the account stays usable").isEmpty();
        }
    }

    /** Io and crypto threads alive now (other tests' nodes may still be stopping: compare, do not expect none). */
    private static Set<Thread> nodeThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("habarshy-io") || t.getName().startsWith("habarshy-crypto"))
                .collect(Collectors.toSet());
    }
}

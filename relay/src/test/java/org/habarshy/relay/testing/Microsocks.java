package org.habarshy.relay.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.habarshy.relay.proxy.ProxyEndpoint;
import org.habarshy.relay.proxy.ProxyKind;

/**
 * A real SOCKS5 proxy process: Debian's {@code microsocks}, listening on 127.0.0.1 on a free port. Tests that need
 * it skip when it is not installed ({@code .ci/run} installs it).
 */
public final class Microsocks implements AutoCloseable {
    private static final String BINARY = "/usr/bin/microsocks";

    private final Process process;
    private final int port;

    private Microsocks(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Returns true if microsocks is installed. */
    public static boolean available() {
        return new File(BINARY).canExecute();
    }

    /** Starts a proxy and waits until it accepts connections. */
    public static Microsocks start() throws Exception {
        int port = freePort();
        Process p = new ProcessBuilder(BINARY, "-i", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Microsocks proxy = new Microsocks(p, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return proxy;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    proxy.close();
                    throw new IllegalStateException("microsocks did not start", e);
                }
                Thread.sleep(50);
            }
        }
    }

    /** Returns a port nobody listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Returns this proxy as a list entry. */
    public ProxyEndpoint endpoint() {
        return new ProxyEndpoint(ProxyKind.SOCKS5, "127.0.0.1", port);
    }

    /** Kills the process at once (SIGKILL), as a proxy dies when its machine is cut off. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

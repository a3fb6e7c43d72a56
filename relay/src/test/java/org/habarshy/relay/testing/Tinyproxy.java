package org.habarshy.relay.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.habarshy.relay.proxy.ProxyEndpoint;
import org.habarshy.relay.proxy.ProxyKind;

/**
 * A real HTTP CONNECT proxy process: Debian's {@code tinyproxy} (package tinyproxy-bin) in the foreground on
 * 127.0.0.1, allowing CONNECT to any port. Tests that need it skip when it is not installed.
 */
public final class Tinyproxy implements AutoCloseable {
    private static final String BINARY = "/usr/bin/tinyproxy";

    private final Process process;
    private final int port;

    private Tinyproxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Returns true if tinyproxy is installed. */
    public static boolean available() {
        return new File(BINARY).canExecute();
    }

    /** Starts a proxy (its configuration in {@code dir}) and waits until it accepts connections. */
    public static Tinyproxy start(Path dir) throws Exception {
        int port = Microsocks.freePort();
        Path conf = dir.resolve("tinyproxy-" + port + ".conf");
        // No ConnectPort line: CONNECT is allowed to every port.
        Files.writeString(conf, "Port " + port + "\nListen 127.0.0.1\nTimeout 60\nAllow 127.0.0.1\nMaxClients 20\n");
        Process p = new ProcessBuilder(BINARY, "-d", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Tinyproxy proxy = new Tinyproxy(p, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return proxy;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    proxy.close();
                    throw new IllegalStateException("tinyproxy did not start", e);
                }
                Thread.sleep(50);
            }
        }
    }

    /** Returns this proxy as a list entry. */
    public ProxyEndpoint endpoint() {
        return new ProxyEndpoint(ProxyKind.HTTP_CONNECT, "127.0.0.1", port);
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.habarshy.relay.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A health check of one proxy that contacts nobody behind it: a TCP connection to the proxy and, for SOCKS5, the
 * method negotiation ({@code 05 01 00} answered by {@code 05 00}). Blocking: run it on the relay's health
 * executor, never on an event loop.
 */
public final class ProxyProbe {
    private final Duration timeout;

    /** Creates a probe that gives up after {@code timeout} per step. */
    public ProxyProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** Returns true if the proxy answered as a working proxy of its kind. */
    public boolean check(ProxyEndpoint proxy) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), millis);
            socket.setSoTimeout(millis);
            if (proxy.kind() != ProxyKind.SOCKS5) {
                return true;
            }
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0x05, 0x01, 0x00});
            out.flush();
            InputStream in = socket.getInputStream();
            return in.read() == 0x05 && in.read() == 0x00;
        } catch (IOException e) {
            return false;
        }
    }
}

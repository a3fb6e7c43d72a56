package org.habarshy.relay.proxy;

import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.proxy.Socks5ProxyHandler;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Makes Netty's proxy handler for a vetted proxy (one handler per connection). */
public final class ProxyHandlers {
    private ProxyHandlers() {
    }

    /**
     * Returns a new handler that dials {@code proxy} and asks it to connect on. Resolves the proxy's host name, so
     * call it off the event loop. The handler fails the connection if the proxy has not connected within
     * {@code timeout}.
     */
    public static ProxyHandler create(ProxyEndpoint proxy, Duration timeout) {
        InetSocketAddress address = new InetSocketAddress(proxy.host(), proxy.port());
        ProxyHandler handler = switch (proxy.kind()) {
            case SOCKS5 -> new Socks5ProxyHandler(address);
            case HTTP_CONNECT -> new HttpProxyHandler(address);
        };
        handler.setConnectTimeoutMillis(timeout.toMillis());
        return handler;
    }
}

package org.habarshy.relay.federation;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.proxy.ProxyConnectException;

/**
 * Sits right after a proxy handler and stops its failures from travelling up the link pipeline, where they would be
 * logged with their message — which names the proxy's and the peer's addresses. The failure still closes the
 * connection; {@link FederationLink} reports it with the proxy's label only.
 */
final class ProxyFailureHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ProxyConnectException) {
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }
}

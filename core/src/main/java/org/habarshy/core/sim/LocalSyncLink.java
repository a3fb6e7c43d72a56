package org.habarshy.core.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.sync.SyncOutput;
import org.habarshy.core.sync.SyncException;
import org.habarshy.core.sync.SyncRecord;
import org.habarshy.core.sync.SyncSession;
import org.habarshy.core.sync.SessionStorage;
import org.habarshy.core.wire.Frames;
import org.habarshy.core.wire.LinkFrameCodec;

/**
 * Runs one contact's sync between two storages over a Netty {@code LocalChannel} pair: length-prefix framing,
 * {@link LinkFrameCodec} and a {@link SyncSession} on each side, all on one event-loop thread (so the sessions and
 * storages are confined to it, as on a node's store thread). The Noise handshake and link cipher are left out: they
 * cost CPU per contact but do not change what is exchanged. A contact ends when both sides finished offering,
 * nothing requested is outstanding and no record is in flight.
 */
final class LocalSyncLink implements AutoCloseable {
    private static final AtomicLong NEXT_ADDRESS = new AtomicLong();
    /** Bounds one contact; only a bug makes a sync between two in-memory stores take this long. */
    private static final long CONTACT_LIMIT_SECONDS = 120;

    private final EventLoopGroup group;
    private final Channel server;
    private final LocalAddress address;
    private final Bootstrap client;
    private volatile Exchange current;

    LocalSyncLink() {
        group = new DefaultEventLoopGroup(1, r -> {
            Thread t = new Thread(r, "habarshy-sim-link");
            t.setDaemon(true);
            return t;
        });
        address = new LocalAddress("habarshy-sim-" + NEXT_ADDRESS.incrementAndGet());
        server = new ServerBootstrap().group(group).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        Exchange exchange = current;
                        pipeline(ch, exchange, exchange.responder, 1);
                    }
                }).bind(address).syncUninterruptibly().channel();
        client = new Bootstrap().group(group).channel(LocalChannel.class);
    }

    /**
     * Syncs {@code initiator} with {@code responder}; when both are done and the link is closed, passes the traffic
     * to {@code then} (on the event loop), or the failure to {@code failed}. Call on the event loop.
     */
    void exchange(SessionStorage initiator, SessionStorage responder, Consumer<LinkTraffic> then,
                  Consumer<Throwable> failed) {
        Exchange exchange = new Exchange(initiator, responder);
        current = exchange;
        client.clone().handler(new ChannelInitializer<LocalChannel>() {
            @Override
            protected void initChannel(LocalChannel ch) {
                pipeline(ch, exchange, exchange.initiator, 0);
            }
        }).connect(address).addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                failed.accept(connected.cause());
                return;
            }
            Channel channel = connected.channel();
            exchange.done.whenComplete((traffic, error) -> channel.close().addListener(closed -> {
                if (error != null) {
                    failed.accept(error);
                } else {
                    then.accept(traffic);
                }
            }));
        });
    }

    /** Runs {@code task} on the link's event loop. */
    void execute(Runnable task) {
        group.next().execute(task);
    }

    /** Syncs {@code initiator} with {@code responder} from another thread and returns the traffic. */
    LinkTraffic exchange(SessionStorage initiator, SessionStorage responder) {
        CompletableFuture<LinkTraffic> result = new CompletableFuture<>();
        execute(() -> exchange(initiator, responder, result::complete, result::completeExceptionally));
        try {
            return result.get(CONTACT_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a contact", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("contact sync failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("contact sync did not finish", e);
        }
    }

    private static void pipeline(Channel ch, Exchange exchange, SessionStorage storage, int side) {
        ch.pipeline().addLast(new ByteCounter(exchange), Frames.decoder(), Frames.prepender(),
                LinkFrameCodec.INSTANCE, new SessionHandler(exchange, storage, side));
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** State of one contact; touched only on the event-loop thread (and {@link #done} by the caller). */
    private static final class Exchange {
        final SessionStorage initiator;
        final SessionStorage responder;
        final SyncSession[] sessions = new SyncSession[2];
        final CompletableFuture<LinkTraffic> done = new CompletableFuture<>();
        long inFlight;
        long frames;
        long bytes;

        Exchange(SessionStorage initiator, SessionStorage responder) {
            this.initiator = initiator;
            this.responder = responder;
        }

        void checkDone() {
            if (done.isDone() || inFlight != 0) {
                return;
            }
            for (SyncSession s : sessions) {
                if (s == null || !s.peerOfferDone() || s.outstandingRequests() != 0) {
                    return;
                }
            }
            done.complete(new LinkTraffic(frames, bytes));
        }
    }

    /** Counts the framed bytes a side writes. */
    private static final class ByteCounter extends ChannelOutboundHandlerAdapter {
        private final Exchange exchange;

        ByteCounter(Exchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof ByteBuf buf) {
                exchange.bytes += buf.readableBytes();
            }
            ctx.write(msg, promise);
        }
    }

    /** Runs one side's session on the event loop. */
    private static final class SessionHandler extends ChannelInboundHandlerAdapter {
        private final Exchange exchange;
        private final SessionStorage storage;
        private final int side;
        private SyncSession session;

        SessionHandler(Exchange exchange, SessionStorage storage, int side) {
            this.exchange = exchange;
            this.storage = storage;
            this.side = side;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            Channel ch = ctx.channel();
            session = new SyncSession(storage, new SyncOutput() {
                @Override
                public void send(SyncRecord record) {
                    exchange.inFlight++;
                    exchange.frames++;
                    ch.write(record, ch.voidPromise());
                }

                @Override
                public void sendEnvelope(EnvelopeRecord record, EnvelopeId id) {
                    send(record);
                }
            }, side == 0 ? "sim-initiator" : "sim-responder");
            exchange.sessions[side] = session;
            session.start();
            ctx.flush();
            exchange.checkDone();
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (session == null) {
                throw new IllegalStateException("record before the session started");
            }
            exchange.inFlight--;
            try {
                session.onRecord((SyncRecord) msg);
            } catch (SyncException e) {
                // Both ends run this project's sessions: a protocol violation is a bug; end the contact with it.
                exchange.done.completeExceptionally(e);
                ctx.close();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
            exchange.checkDone();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            exchange.done.completeExceptionally(cause);
            ctx.close();
        }
    }
}

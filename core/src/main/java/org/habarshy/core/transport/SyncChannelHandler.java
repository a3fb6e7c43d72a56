package org.habarshy.core.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.link.LinkEstablishedEvent;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.sync.SyncOutput;
import org.habarshy.core.sync.SyncRecord;
import org.habarshy.core.sync.SyncSession;
import org.habarshy.core.sync.SessionStorage;
import org.habarshy.core.sync.SyncException;

/**
 * Thin Netty adapter over a {@link SyncSession}: starts it when the link is established, and hands
 * every record to the store executor, where the session runs. It stops reading from a peer whose
 * records pile up faster than the store executor handles them, so memory stays bounded.
 */
public final class SyncChannelHandler extends ChannelInboundHandlerAdapter {
    /** Records queued for the store executor at which reading from the peer pauses. */
    static final int PAUSE_AT = 64;
    /** Records still queued at which reading resumes. */
    static final int RESUME_AT = 16;
    /**
     * Envelope bytes written to the channel and not yet flushed to the socket at which the session stops
     * loading more: queued envelopes wait in the session's priority queue instead, where new, own or small
     * ones can still go first.
     */
    static final long MAX_IN_FLIGHT_BYTES = 1 << 20;

    private static final System.Logger LOG = System.getLogger(SyncChannelHandler.class.getName());

    private final Executor storeExecutor;
    private final SessionStorage storage;
    private final LinkRegistry registry;
    private final Consumer<EnvelopeId> envelopeWritten;
    private final Clock clock;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong inFlightBytes = new AtomicLong();
    /** Set when the session stopped pumping for lack of room; the next completed write resumes it. */
    private final AtomicBoolean pumpWanted = new AtomicBoolean();
    private volatile SyncSession session;

    /**
     * Creates the handler for one channel.
     *
     * @param envelopeWritten told (on an I/O thread) each id whose envelope was written to the peer
     */
    public SyncChannelHandler(Executor storeExecutor, SessionStorage storage, LinkRegistry registry,
                              Consumer<EnvelopeId> envelopeWritten, Clock clock) {
        this.clock = clock;
        this.storeExecutor = storeExecutor;
        this.storage = storage;
        this.registry = registry;
        this.envelopeWritten = envelopeWritten;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof LinkEstablishedEvent established) {
            Channel channel = ctx.channel();
            SyncSession fresh = new SyncSession(storage, output(channel), established.label(),
                    Math.min(established.protocolVersion(), 2), established.initiator());
            session = fresh;
            storeExecutor.execute(() -> {
                if (!channel.isActive()) {
                    return;
                }
                if (registry.register(channel, established.remoteTransportKey(), established.initiator(), fresh,
                        established.label(), clock.millis())) {
                    LOG.log(System.Logger.Level.INFO, "link {0} up ({1} links)", established.label(), registry.size());
                    fresh.start();
                } else {
                    channel.close();
                }
            });
        }
        super.userEventTriggered(ctx, evt);
    }

    private SyncOutput output(Channel channel) {
        return new SyncOutput() {
            @Override
            public void send(SyncRecord record) {
                channel.writeAndFlush(record, channel.voidPromise());
            }

            @Override
            public void sendEnvelope(EnvelopeRecord record, EnvelopeId id) {
                long size = record.size();
                inFlightBytes.addAndGet(size);
                channel.writeAndFlush(record).addListener((ChannelFutureListener) f -> {
                    long left = inFlightBytes.addAndGet(-size);
                    if (f.isSuccess()) {
                        envelopeWritten.accept(id);
                    }
                    if (left < MAX_IN_FLIGHT_BYTES / 2 && channel.isActive() && pumpWanted.compareAndSet(true, false)) {
                        storeExecutor.execute(() -> pump(channel));
                    }
                });
            }

            @Override
            public boolean writable() {
                if (inFlightBytes.get() < MAX_IN_FLIGHT_BYTES && channel.isActive()) {
                    return true;
                }
                pumpWanted.set(true);
                // A write may have completed between the check and the flag; look once more.
                return channel.isActive() && inFlightBytes.get() < MAX_IN_FLIGHT_BYTES / 2
                        && pumpWanted.compareAndSet(true, false);
            }
        };
    }

    private void pump(Channel channel) {
        SyncSession current = session;
        if (current != null && channel.isActive()) {
            current.pump();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        SyncSession current = session;
        if (!(msg instanceof SyncRecord record) || current == null) {
            ReferenceCountUtil.release(msg);
            LOG.log(System.Logger.Level.INFO, "record before link establishment; closing");
            ctx.close();
            return;
        }
        Channel channel = ctx.channel();
        if (queued.incrementAndGet() >= PAUSE_AT) {
            channel.config().setAutoRead(false);
        }
        storeExecutor.execute(() -> {
            try {
                if (channel.isActive()) {
                    current.onRecord(record);
                }
            } catch (SyncException e) {
                LOG.log(System.Logger.Level.WARNING, "closing link {0}: {1}", current.linkLabel(), e.getMessage());
                channel.close();
            } finally {
                if (queued.decrementAndGet() <= RESUME_AT && !channel.config().isAutoRead() && channel.isActive()) {
                    resumeReading(channel);
                }
            }
        });
    }

    /** Turns autoRead on from the event loop, never in the middle of a read loop that LinkRateLimiter stopped. */
    private static void resumeReading(Channel channel) {
        try {
            channel.eventLoop().execute(() -> channel.config().setAutoRead(true));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The loop has stopped: the node is closing and so is this link.
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Channel channel = ctx.channel();
        storeExecutor.execute(() -> registry.unregister(channel));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.WARNING, "closing link: {0}", describe(cause));
        ctx.close();
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}

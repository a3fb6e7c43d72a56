package org.habarshy.relay.sms;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.habarshy.relay.sms.SmsCounters.Counter;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.gateway.SmsGateway;
import org.habarshy.relay.sms.gateway.SmsListener;
import org.habarshy.relay.sms.segment.SmsSegment;
import org.habarshy.relay.sms.store.SmsStore;

/**
 * The SMS side of a relay: carries sealed envelopes and compact messages as 8-bit SMS through one gateway, and
 * turns SMS received back into payloads for the mesh ({@link SmsPayloadSink}). Everything (store, gateway calls)
 * runs on one named thread, {@code habarshy-sms}; public methods return at once with a future. The bridge moves
 * opaque sealed bytes: it reads only their public header (kind and expiry).
 *
 * <p>Phone numbers are supplied by the caller (bound to relay peers or contacts by the user), never derived from
 * or written into envelopes, and never logged.
 */
public final class SmsBridge implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SmsBridge.class.getName());
    private static final int RECEIVE_TIMEOUT_SECONDS = 10;

    private final SmsGateway gateway;
    private final SmsStore store;
    private final SmsBridgeConfig config;
    private final Clock clock;
    private final SmsCounters counters = new SmsCounters();
    private final OutboundQueue outbound;
    private final InboundAssembler inbound;
    private final ScheduledExecutorService thread;

    /** Creates a bridge; the store's file is owned by the caller, which closes it after the bridge. */
    public SmsBridge(SmsGateway gateway, SmsStore store, SmsBridgeConfig config, SmsPayloadSink sink, Clock clock) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.store = Objects.requireNonNull(store, "store");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outbound = new OutboundQueue(store, gateway, config, counters);
        this.inbound = new InboundAssembler(store, outbound, config, counters, Objects.requireNonNull(sink, "sink"));
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "habarshy-sms");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the gateway and the queue pump. */
    public void start() throws IOException {
        gateway.start(new SmsListener() {
            @Override
            public boolean binaryReceived(PhoneNumber from, SmsSegment segment) {
                try {
                    call(() -> {
                        inbound.received(from, segment, clock.millis());
                        return null;
                    }).get(RECEIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
                    LOG.log(Level.WARNING, "received SMS not stored ({0}); left for the network to deliver again",
                            e.getClass().getSimpleName());
                    return false;
                }
            }

            @Override
            public void malformedReceived(String reason) {
                counters.increment(Counter.RECEIVED_MALFORMED);
            }
        });
        long tick = config.tick().toMillis();
        thread.scheduleWithFixedDelay(() -> guarded("tick", () -> {
            tickOnThread();
            return null;
        }), tick, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * Queues a sealed envelope (first byte 0x01) or compact message (0xC1) for {@code to}, charged to
     * {@code origin} (the mesh peer or user that handed it to the relay, for the per-origin budget).
     */
    public CompletableFuture<SubmitResult> submit(byte[] payload, PhoneNumber to, String origin) {
        byte[] copy = Objects.requireNonNull(payload, "payload").clone();
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(origin, "origin");
        return call(() -> {
            SubmitResult result = outbound.submit(copy, to, origin, clock.millis());
            if (result == SubmitResult.QUEUED) {
                outbound.pump(clock.millis());
            }
            return result;
        });
    }

    /**
     * <b>UNENCRYPTED.</b> Queues {@code text} as an ordinary SMS that the operator, the SMSC and anyone with access
     * to the recipient's phone can read. Only for the explicit fallback to a recipient without Habarshy, chosen by
     * the user for this message; the bridge never falls back to it by itself. Completes with false if a budget
     * refuses it.
     */
    public CompletableFuture<Boolean> sendUnencryptedPlainText(PhoneNumber to, String text, String origin) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
        return call(() -> {
            boolean queued = outbound.queuePlain(to, text, origin, clock.millis());
            if (queued) {
                outbound.pump(clock.millis());
            }
            return queued;
        });
    }

    /**
     * Returns the position (in the relay's carried envelopes, {@code Account.carriedAfter}) up to which {@code peer}
     * has been served; 0 for a new peer.
     */
    public CompletableFuture<Long> cursor(SmsPeer peer) {
        Objects.requireNonNull(peer, "peer");
        return call(() -> store.cursor(peer.cursorName()));
    }

    /**
     * Forwards one envelope the relay holds (at position {@code seq}) to {@code peer}, charged to the peer's origin,
     * and moves the peer's cursor to {@code seq} unless a budget defers it. An envelope that arrived over SMS from
     * the peer's own number is not sent back. The cursor moves in its own transaction right after the queueing one:
     * a crash between the two sends that envelope once more, which the far side drops as a duplicate.
     */
    public CompletableFuture<ForwardResult> forward(byte[] envelope, long seq, SmsPeer peer) {
        byte[] copy = Objects.requireNonNull(envelope, "envelope").clone();
        Objects.requireNonNull(peer, "peer");
        return call(() -> {
            long now = clock.millis();
            ForwardResult result;
            if (copy.length > 0 && store.arrivedFrom(InboundAssembler.sha256(copy), peer.number())) {
                result = ForwardResult.SKIPPED_FROM_PEER;
                counters.increment(Counter.FORWARD_SKIPPED_FROM_PEER);
            } else {
                result = switch (outbound.submit(copy, peer.number(), peer.origin(), now)) {
                    case QUEUED -> ForwardResult.QUEUED;
                    case REFUSED_DAILY_BUDGET, REFUSED_ORIGIN_BUDGET -> ForwardResult.DEFERRED_BUDGET;
                    default -> ForwardResult.REFUSED;
                };
            }
            switch (result) {
                case DEFERRED_BUDGET -> {
                    store.rollback();
                    counters.increment(Counter.FORWARD_DEFERRED_BUDGET);
                    return result;
                }
                case QUEUED -> counters.increment(Counter.FORWARD_QUEUED);
                case REFUSED -> counters.increment(Counter.FORWARD_REFUSED);
                default -> {
                }
            }
            store.setCursor(peer.cursorName(), seq);
            store.commit();
            if (result == ForwardResult.QUEUED) {
                outbound.pump(now);
            }
            return result;
        });
    }

    /** Returns the position of the cursor {@code name} (not a peer's) in the relay's carried envelopes; 0 if new. */
    public CompletableFuture<Long> namedCursor(String name) {
        Objects.requireNonNull(name, "name");
        return call(() -> store.cursor("named:" + name));
    }

    /** Moves the cursor {@code name} (not a peer's) to {@code seq}, in its own transaction. */
    public CompletableFuture<Void> moveNamedCursor(String name, long seq) {
        Objects.requireNonNull(name, "name");
        return call(() -> {
            store.setCursor("named:" + name, seq);
            store.commit();
            return null;
        });
    }

    /** Moves {@code peer}'s cursor past an envelope the relay decided not to forward by SMS (too big, too old). */
    public CompletableFuture<Void> skip(long seq, SmsPeer peer) {
        Objects.requireNonNull(peer, "peer");
        return call(() -> {
            store.setCursor(peer.cursorName(), seq);
            store.commit();
            return null;
        });
    }

    /** Returns the number of segments waiting to be sent. */
    public CompletableFuture<Integer> pendingSegments() {
        return call(store::pendingCount);
    }

    /** Pumps the queue and checks incomplete sets now, instead of at the next tick. */
    public CompletableFuture<Void> tick() {
        return call(() -> {
            tickOnThread();
            return null;
        });
    }

    /** Returns the counters for status output. */
    public SmsCounters counters() {
        return counters;
    }

    /** Returns the gateway's name and whether it is up, for status output. */
    public String gatewayStatus() {
        return gateway.name() + (gateway.isUp() ? " up" : " down");
    }

    private void tickOnThread() throws SQLException {
        long now = clock.millis();
        inbound.sweep(now);
        outbound.pump(now);
    }

    private <T> CompletableFuture<T> call(Callable<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                result.complete(body.call());
            } catch (Exception e) {
                store.rollback();
                LOG.log(Level.ERROR, "SMS bridge operation failed: {0}", e.getClass().getSimpleName());
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void guarded(String what, Callable<Void> body) {
        try {
            body.call();
        } catch (Exception e) {
            store.rollback();
            LOG.log(Level.ERROR, "SMS bridge " + what + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Stops the pump and the gateway; queued SMS stay in the store for the next start. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        gateway.close();
    }
}

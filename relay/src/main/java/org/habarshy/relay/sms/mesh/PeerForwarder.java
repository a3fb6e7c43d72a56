package org.habarshy.relay.sms.mesh;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.habarshy.core.compact.CompactCarrier;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.CompactFormat;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.CarriedEnvelope;
import org.habarshy.core.store.StoreException;
import org.habarshy.relay.sms.ForwardResult;
import org.habarshy.relay.sms.SmsBridge;
import org.habarshy.relay.sms.SmsForwarding;
import org.habarshy.relay.sms.SmsPeer;
import org.habarshy.relay.sms.segment.SmsSegmenter;

/**
 * Walks the envelopes the relay holds ({@link Account#carriedAfter}) with one cursor per SMS peer, kept in the SMS
 * store, and hands each envelope that is small and recent enough to {@link SmsBridge#forward}. When a budget is
 * spent the peer waits until the next UTC day (budgets are per UTC day) and continues where it stopped, so nothing
 * is skipped for lack of money. A compact carrier envelope (kind 0x05) goes as the bare compact message inside it
 * (docs/PROTOCOL.md §15.3), which the far relay wraps again into the same envelope. Runs on its own thread,
 * {@code habarshy-sms-forward}.
 */
final class PeerForwarder implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PeerForwarder.class.getName());
    private static final long DAY_MS = 86_400_000L;
    private static final long WAIT_SECONDS = 30;

    private final Account account;
    private final SmsBridge bridge;
    private final List<SmsPeer> peers;
    private final SmsForwarding forwarding;
    private final Clock clock;
    private final Predicate<byte[]> addressedToRelay;
    private final Map<String, Long> deferredUntil = new HashMap<>();
    private final AtomicLong skippedTooLarge = new AtomicLong();
    private final AtomicLong skippedTooOld = new AtomicLong();
    private final AtomicLong malformedCarriers = new AtomicLong();
    private final AtomicLong compactForwarded = new AtomicLong();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "habarshy-sms-forward");
        t.setDaemon(true);
        return t;
    });

    PeerForwarder(Account account, SmsBridge bridge, List<SmsPeer> peers, SmsForwarding forwarding, Clock clock,
                  Predicate<byte[]> addressedToRelay) {
        this.addressedToRelay = addressedToRelay;
        this.account = account;
        this.bridge = bridge;
        this.peers = List.copyOf(peers);
        this.forwarding = forwarding;
        this.clock = clock;
    }

    void start() {
        if (peers.isEmpty()) {
            return;
        }
        long every = forwarding.interval().toMillis();
        thread.scheduleWithFixedDelay(this::round, 0, every, TimeUnit.MILLISECONDS);
    }

    private void round() {
        for (SmsPeer peer : peers) {
            try {
                serve(peer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException | StoreException | RuntimeException e) {
                LOG.log(Level.WARNING, "forwarding to SMS peer {0} paused until the next round: {1}", peer.name(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private void serve(SmsPeer peer) throws InterruptedException, ExecutionException, TimeoutException,
            StoreException {
        long now = clock.millis();
        if (deferredUntil.getOrDefault(peer.name(), 0L) > now) {
            return;
        }
        long cursor = bridge.cursor(peer).get(WAIT_SECONDS, TimeUnit.SECONDS);
        int queued = 0;
        for (CarriedEnvelope carried : account.carriedAfter(cursor, forwarding.batch())) {
            byte[] bytes = smsPayload(carried.bytes());
            if (bytes.length == 0 || !worthAnSms(bytes, now) || addressedToRelay.test(bytes)) {
                bridge.skip(carried.seq(), peer).get(WAIT_SECONDS, TimeUnit.SECONDS);
                continue;
            }
            ForwardResult result = bridge.forward(bytes, carried.seq(), peer).get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (result == ForwardResult.DEFERRED_BUDGET) {
                deferredUntil.put(peer.name(), (now / DAY_MS + 1) * DAY_MS);
                LOG.log(Level.WARNING, "SMS budget spent: forwarding to SMS peer {0} waits for the next UTC day",
                        peer.name());
                break;
            }
            if (result == ForwardResult.QUEUED) {
                queued++;
                if (bytes[0] == CompactFormat.VERSION) {
                    compactForwarded.incrementAndGet();
                }
            }
        }
        if (queued > 0) {
            LOG.log(Level.INFO, "queued {0} envelope(s) for SMS peer {1}", queued, peer.name());
        }
    }

    /** Returns what goes by SMS for a carried envelope: the compact message of a carrier, else the envelope itself. */
    private byte[] smsPayload(byte[] envelope) {
        if (!CompactCarrier.isCarrier(envelope)) {
            return envelope;
        }
        try {
            return CompactCarrier.unwrap(envelope);
        } catch (MalformedEnvelopeException e) {
            malformedCarriers.incrementAndGet();
            return new byte[0];
        }
    }

    /** Only envelopes within {@code sms.forward.max-segments} and {@code sms.forward.max-age} are worth an SMS. */
    private boolean worthAnSms(byte[] envelope, long now) {
        if (envelope.length > SmsSegmenter.MAX_PAYLOAD_BYTES
                || SmsSegmenter.segmentsFor(envelope.length) > forwarding.maxSegments()) {
            skippedTooLarge.incrementAndGet();
            return false;
        }
        try {
            long createdAt = envelope[0] == CompactFormat.VERSION ? CompactFormat.parseHeader(envelope).createdAt()
                    : EnvelopeFormat.parseHeader(envelope).createdAt();
            if (createdAt < now - forwarding.maxAge().toMillis()) {
                skippedTooOld.incrementAndGet();
                return false;
            }
            return true;
        } catch (MalformedEnvelopeException e) {
            return true; // the bridge refuses it and counts it
        }
    }

    long skippedTooLarge() {
        return skippedTooLarge.get();
    }

    long skippedTooOld() {
        return skippedTooOld.get();
    }

    long malformedCarriers() {
        return malformedCarriers.get();
    }

    long compactForwarded() {
        return compactForwarded.get();
    }

    /** Stops forwarding; a round in progress finishes its current envelope. */
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
    }
}

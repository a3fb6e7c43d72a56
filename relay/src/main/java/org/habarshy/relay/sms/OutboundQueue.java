package org.habarshy.relay.sms;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.habarshy.core.crypto.CompactFormat;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.relay.sms.SmsCounters.Counter;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.gateway.SmsGateway;
import org.habarshy.relay.sms.gateway.SmsSendException;
import org.habarshy.relay.sms.segment.SmsSegment;
import org.habarshy.relay.sms.segment.SmsSegmenter;
import org.habarshy.relay.sms.store.SmsStore;

/**
 * The sending half of the bridge: admits payloads within the budgets, queues their segments in the store, pumps
 * the queue through the gateway with back-off, and puts parts back in the queue when the far side asks for them.
 * A gateway error never drops a segment: only a permanent refusal or the payload's expiry ends it. Runs on the SMS
 * thread only.
 */
final class OutboundQueue {
    private static final System.Logger LOG = System.getLogger(OutboundQueue.class.getName());
    static final String CONTROL_ORIGIN = "relay:control";
    static final long DAY_MS = 86_400_000L;

    private final SmsStore store;
    private final SmsGateway gateway;
    private final SmsBridgeConfig config;
    private final SmsCounters counters;
    private final SmsSegmenter segmenter = new SmsSegmenter();

    OutboundQueue(SmsStore store, SmsGateway gateway, SmsBridgeConfig config, SmsCounters counters) {
        this.store = store;
        this.gateway = gateway;
        this.config = config;
        this.counters = counters;
    }

    /** Checks and queues one payload in one transaction. */
    SubmitResult submit(byte[] payload, PhoneNumber to, String origin, long now) throws SQLException {
        SubmitResult result = admit(payload, to, origin, now);
        counters.increment(result == SubmitResult.QUEUED ? Counter.SUBMITTED : Counter.REFUSED);
        if (result != SubmitResult.QUEUED) {
            LOG.log(Level.INFO, "SMS payload of {0} bytes refused: {1}", payload.length, result);
        }
        return result;
    }

    private SubmitResult admit(byte[] payload, PhoneNumber to, String origin, long now) throws SQLException {
        if (payload.length == 0) {
            return SubmitResult.REFUSED_MALFORMED;
        }
        if (payload.length > SmsSegmenter.MAX_PAYLOAD_BYTES) {
            return SubmitResult.REFUSED_TOO_LARGE;
        }
        long expiresAt;
        try {
            expiresAt = expiresAt(payload);
        } catch (MalformedEnvelopeException e) {
            return SubmitResult.REFUSED_MALFORMED;
        }
        if (expiresAt <= now) {
            return SubmitResult.REFUSED_EXPIRED;
        }
        int segments = SmsSegmenter.segmentsFor(payload.length);
        long day = now / DAY_MS;
        if (store.spent(day, null) + segments > config.dailyBudget()) {
            return SubmitResult.REFUSED_DAILY_BUDGET;
        }
        if (store.spent(day, origin) + segments > config.perOriginDaily()) {
            return SubmitResult.REFUSED_ORIGIN_BUDGET;
        }
        int reference = store.nextReference(to);
        store.enqueue(to, reference, segmenter.split(payload, reference), false, now, expiresAt);
        store.spend(day, origin, segments);
        store.commit();
        return SubmitResult.QUEUED;
    }

    /** Returns the expiry of a payload the bridge may carry, or throws if it is neither kind or malformed. */
    static long expiresAt(byte[] payload) throws MalformedEnvelopeException {
        if (payload[0] == SmsFrames.ENVELOPE_V1) {
            return EnvelopeFormat.parseHeader(payload).expiresAt();
        }
        if (payload[0] == SmsFrames.COMPACT_V1) {
            return CompactFormat.parseHeader(payload).expiresAt();
        }
        throw new MalformedEnvelopeException("unknown SMS payload kind");
    }

    /** Queues an unencrypted text within the budgets; returns false if a budget refuses it. */
    boolean queuePlain(PhoneNumber to, String text, String origin, long now) throws SQLException {
        int segments = text.length() <= 70 ? 1 : (text.length() + 66) / 67;
        long day = now / DAY_MS;
        if (store.spent(day, null) + segments > config.dailyBudget()
                || store.spent(day, origin) + segments > config.perOriginDaily()) {
            counters.increment(Counter.REFUSED);
            return false;
        }
        store.enqueuePlain(to, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), now,
                now + config.plainTextLifetime().toMillis());
        store.spend(day, origin, segments);
        store.commit();
        return true;
    }

    /** Queues a one-SMS control frame (a resend request) if the daily budget allows it. */
    boolean queueControl(PhoneNumber to, byte[] frame, long now) throws SQLException {
        long day = now / DAY_MS;
        if (store.spent(day, null) + 1 > config.dailyBudget()) {
            return false;
        }
        store.enqueue(to, -1, List.of(new SmsSegment(frame, false)), false, now,
                now + config.expireIncompleteAfter().toMillis());
        store.spend(day, CONTROL_ORIGIN, 1);
        return true;
    }

    /** Puts the named sent parts back in the queue, within the daily budget. */
    void resendRequested(PhoneNumber from, SmsFrames.ResendRequest request, long now) throws SQLException {
        counters.increment(Counter.RESEND_REQUESTS_RECEIVED);
        long day = now / DAY_MS;
        if (store.spent(day, null) + request.missing().size() > config.dailyBudget()) {
            LOG.log(Level.WARNING, "resend request ignored: daily SMS budget reached");
            return;
        }
        int n = store.requeueSent(from, request.reference(), request.total(), request.missing(), now,
                config.maxAttempts());
        store.spend(day, CONTROL_ORIGIN, n);
        counters.add(Counter.PARTS_RESENT, n);
        LOG.log(Level.INFO, "resend request: {0} of {1} parts queued again", n, request.missing().size());
    }

    /** Sends what is due; each result is committed at once, so a crash resends at most one SMS. */
    void pump(long now) throws SQLException {
        int expired = store.expireOutbox(now);
        if (expired > 0) {
            counters.add(Counter.SEGMENTS_EXPIRED_UNSENT, expired);
            LOG.log(Level.WARNING, "{0} queued SMS expired before they could be sent", expired);
        }
        store.commit();
        for (SmsStore.Queued q : store.due(now, config.sendsPerTick())) {
            try {
                if (q.plain()) {
                    gateway.sendPlainText(q.peer(), new String(q.userData(), java.nio.charset.StandardCharsets.UTF_8));
                    counters.increment(Counter.PLAIN_SENT);
                } else {
                    gateway.sendBinary(q.peer(), q.segment());
                }
                store.markSent(q.id());
                counters.increment(Counter.SEGMENTS_SENT);
            } catch (SmsSendException e) {
                failed(q, e, now);
            }
            store.commit();
        }
    }

    private void failed(SmsStore.Queued q, SmsSendException e, long now) throws SQLException {
        switch (e.kind()) {
            case PERMANENT -> {
                counters.increment(Counter.SEND_FAILED_PERMANENT);
                LOG.log(Level.WARNING, "SMS refused for good by {0}: {1}", gateway.name(), e.getMessage());
                store.markFailed(q.id());
            }
            case THROTTLED -> {
                counters.increment(Counter.SEND_THROTTLED);
                Duration wait = max(e.retryAfter(), backoff(q.failures()));
                LOG.log(Level.INFO, "{0} throttled; retry in {1} ms", gateway.name(), wait.toMillis());
                store.markRetry(q.id(), now + wait.toMillis());
            }
            default -> {
                counters.increment(Counter.SEND_FAILED_TRANSIENT);
                Duration wait = backoff(q.failures());
                LOG.log(Level.INFO, "{0} send failed ({1}); retry in {2} ms", gateway.name(), e.getMessage(),
                        wait.toMillis());
                store.markRetry(q.id(), now + wait.toMillis());
            }
        }
    }

    private Duration backoff(int failures) {
        Duration d = config.retryBase().multipliedBy(1L << Math.min(failures, 20));
        return d.compareTo(config.retryMax()) > 0 ? config.retryMax() : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

package org.habarshy.relay.sms;

import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Optional;
import org.habarshy.core.crypto.MalformedEnvelopeException;
import org.habarshy.relay.sms.SmsCounters.Counter;
import org.habarshy.relay.sms.codec.MalformedSmsException;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.segment.SmsSegment;
import org.habarshy.relay.sms.segment.SmsSegmenter;
import org.habarshy.relay.sms.store.ReceivedParts;
import org.habarshy.relay.sms.store.SmsStore;

/**
 * The receiving half of the bridge: stores parts until a set is whole (duplicates ignored), checks the payload
 * (kind, header, expiry, per-sender quota, seen before), hands it to the sink, asks senders for missing parts and
 * drops sets that never complete. Runs on the SMS thread only. Logs never name the sender's number.
 */
final class InboundAssembler {
    private static final System.Logger LOG = System.getLogger(InboundAssembler.class.getName());

    private final SmsStore store;
    private final ReceivedParts parts;
    private final OutboundQueue outbound;
    private final SmsBridgeConfig config;
    private final SmsCounters counters;
    private final SmsPayloadSink sink;

    InboundAssembler(SmsStore store, OutboundQueue outbound, SmsBridgeConfig config, SmsCounters counters,
            SmsPayloadSink sink) {
        this.store = store;
        this.parts = store.parts();
        this.outbound = outbound;
        this.config = config;
        this.counters = counters;
        this.sink = sink;
    }

    void received(PhoneNumber from, SmsSegment segment, long now) throws SQLException {
        counters.increment(Counter.SEGMENTS_RECEIVED);
        SmsSegment.Part part;
        try {
            part = segment.part();
        } catch (MalformedSmsException e) {
            malformed(e.getMessage());
            return;
        }
        if (part.reference() < 0) {
            payload(from, part.payload(), now);
            return;
        }
        if (part.total() < 2 || part.total() > SmsSegmenter.MAX_SEGMENTS || part.payload().length == 0) {
            malformed("concatenated set of " + part.total() + " parts");
            return;
        }
        if (parts.openSets(from) >= config.maxIncompletePerSender()
                && parts.incomplete().stream().noneMatch(s -> s.peer().equals(from)
                        && s.reference() == part.reference() && s.total() == part.total())) {
            counters.increment(Counter.RECEIVED_OVER_QUOTA);
            LOG.log(Level.WARNING, "SMS part dropped: sender has too many incomplete sets");
            return;
        }
        if (!parts.add(from, part.reference(), part.total(), part.index(), part.payload(), now)) {
            counters.increment(Counter.SEGMENTS_DUPLICATE);
            store.commit();
            return;
        }
        Optional<byte[]> whole = parts.takeIfComplete(from, part.reference(), part.total());
        if (whole.isPresent()) {
            payload(from, whole.get(), now);
        } else {
            store.commit();
        }
    }

    private void payload(PhoneNumber from, byte[] payload, long now) throws SQLException {
        if (payload.length > 0 && payload[0] == SmsFrames.RESEND_REQUEST) {
            try {
                outbound.resendRequested(from, SmsFrames.parseResendRequest(payload), now);
                store.commit();
            } catch (MalformedSmsException e) {
                malformed(e.getMessage());
            }
            return;
        }
        long expiresAt;
        try {
            expiresAt = payload.length == 0 ? 0 : OutboundQueue.expiresAt(payload);
            if (payload.length == 0) {
                throw new MalformedEnvelopeException("empty payload");
            }
        } catch (MalformedEnvelopeException e) {
            malformed(e.getMessage());
            return;
        }
        long day = now / OutboundQueue.DAY_MS;
        String quotaKey = "in:" + from.e164();
        if (store.spent(day, quotaKey) >= config.inboundPerSenderDaily()) {
            counters.increment(Counter.RECEIVED_OVER_QUOTA);
            LOG.log(Level.WARNING, "SMS payload dropped: sender over its daily quota");
            store.commit();
            return;
        }
        store.spend(day, quotaKey, 1);
        if (expiresAt <= now) {
            counters.increment(Counter.RECEIVED_EXPIRED);
            LOG.log(Level.INFO, "expired SMS payload of {0} bytes dropped", payload.length);
            store.commit();
            return;
        }
        byte[] digest = sha256(payload);
        store.recordArrival(digest, from, expiresAt); // never forwarded back to the number it came from
        if (!parts.markSeen(digest, expiresAt)) {
            counters.increment(Counter.RECEIVED_DUPLICATE);
            store.commit();
            return;
        }
        // At least once: hand over first, commit after; the mesh drops envelopes it already holds.
        if (payload[0] == SmsFrames.COMPACT_V1) {
            sink.compactReceived(payload.clone());
        } else {
            sink.envelopeReceived(payload.clone());
        }
        store.commit();
        counters.increment(Counter.DELIVERED);
    }

    /** Requests missing parts of sets that stalled and drops sets past their expiry. */
    void sweep(long now) throws SQLException {
        for (ReceivedParts.IncompleteSet set : parts.incomplete()) {
            if (set.missing().isEmpty() || now - set.firstSeen() >= config.expireIncompleteAfter().toMillis()) {
                parts.forget(set.peer(), set.reference(), set.total());
                counters.increment(Counter.SETS_EXPIRED);
                LOG.log(Level.WARNING, "incomplete SMS set expired with {0} of {1} parts missing",
                        set.missing().size(), set.total());
            } else if (now - Math.max(set.lastRequest(), set.lastPart()) >= config.requestMissingAfter().toMillis()
                    && set.requests() < config.maxResendRequests()
                    && outbound.queueControl(set.peer(),
                            SmsFrames.resendRequest(set.reference(), set.total(), set.missing()), now)) {
                parts.markRequested(set.peer(), set.reference(), set.total(), now);
                counters.increment(Counter.RESEND_REQUESTS_SENT);
                LOG.log(Level.INFO, "asked the sender again for {0} of {1} parts", set.missing().size(),
                        set.total());
            }
            store.commit();
        }
        parts.purgeSeen(now);
        store.purgeArrivals(now);
        store.commit();
    }

    /** Counts and logs a malformed SMS or payload; commits, so the parts of a malformed set are gone. */
    private void malformed(String reason) throws SQLException {
        counters.increment(Counter.RECEIVED_MALFORMED);
        LOG.log(Level.WARNING, "malformed SMS dropped: {0}", reason);
        store.commit();
    }

    /** Returns the digest under which payloads are recorded as seen and as arrived from a number. */
    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

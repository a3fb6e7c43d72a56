package org.habarshy.relay.sms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of an SMS bridge for {@code habarshy-relay status}; names are stable ({@code sms.*}). Thread-safe. */
public final class SmsCounters {
    /** The counters, in display order. */
    public enum Counter {
        SUBMITTED("sms.submitted"), REFUSED("sms.refused"), SEGMENTS_SENT("sms.segments.sent"),
        SEND_THROTTLED("sms.send.throttled"), SEND_FAILED_TRANSIENT("sms.send.failed.transient"),
        SEND_FAILED_PERMANENT("sms.send.failed.permanent"), SEGMENTS_EXPIRED_UNSENT("sms.segments.expired-unsent"),
        SEGMENTS_RECEIVED("sms.segments.received"), SEGMENTS_DUPLICATE("sms.segments.duplicate"),
        RECEIVED_MALFORMED("sms.received.malformed"), RECEIVED_EXPIRED("sms.received.expired"),
        RECEIVED_DUPLICATE("sms.received.duplicate"), RECEIVED_OVER_QUOTA("sms.received.over-quota"),
        DELIVERED("sms.delivered"), SETS_EXPIRED("sms.sets.expired"), RESEND_REQUESTS_SENT("sms.resend.requested"),
        RESEND_REQUESTS_RECEIVED("sms.resend.received"), PARTS_RESENT("sms.resend.parts"),
        PLAIN_SENT("sms.plain.sent"), FORWARD_QUEUED("sms.forward.queued"),
        FORWARD_SKIPPED_FROM_PEER("sms.forward.skipped-from-peer"), FORWARD_REFUSED("sms.forward.refused"),
        FORWARD_DEFERRED_BUDGET("sms.forward.deferred-budget");

        private final String key;

        Counter(String key) {
            this.key = key;
        }

        /** Returns the stable name shown in status output. */
        public String key() {
            return key;
        }
    }

    private final Map<Counter, AtomicLong> values = new LinkedHashMap<>();

    /** Creates all counters at zero. */
    public SmsCounters() {
        for (Counter c : Counter.values()) {
            values.put(c, new AtomicLong());
        }
    }

    void increment(Counter counter) {
        values.get(counter).incrementAndGet();
    }

    void add(Counter counter, long n) {
        values.get(counter).addAndGet(n);
    }

    /** Returns one counter's value. */
    public long get(Counter counter) {
        return values.get(counter).get();
    }

    /** Returns a snapshot keyed by stable name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k.key(), v.get()));
        return out;
    }
}

package org.habarshy.relay.sms;

import java.time.Duration;

/**
 * How a relay forwards the envelopes it holds to its SMS peer relays. Config keys are given per field.
 *
 * @param interval    {@code sms.forward.interval}: how often the relay looks for new envelopes to forward
 * @param batch       {@code sms.forward.batch}: envelopes read from the relay's store per peer and round
 * @param maxSegments {@code sms.forward.max-segments}: larger envelopes are not forwarded by SMS (1..16)
 * @param maxAge      {@code sms.forward.max-age}: envelopes created longer ago are not forwarded by SMS
 */
public record SmsForwarding(Duration interval, int batch, int maxSegments, Duration maxAge) {
    /** Checks the limits. */
    public SmsForwarding {
        if (interval.isZero() || interval.isNegative() || maxAge.isZero() || maxAge.isNegative()) {
            throw new IllegalArgumentException("SMS forwarding timers must be positive");
        }
        if (batch < 1 || batch > 1_000 || maxSegments < 1 || maxSegments > 16) {
            throw new IllegalArgumentException("sms.forward.batch must be 1..1000 and sms.forward.max-segments 1..16");
        }
    }

    /** Returns the defaults: every 2 s, 20 envelopes per round, at most 6 segments, at most 1 day old. */
    public static SmsForwarding defaults() {
        return new SmsForwarding(Duration.ofSeconds(2), 20, 6, Duration.ofDays(1));
    }
}

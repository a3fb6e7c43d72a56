package org.habarshy.relay.sms.gateway;

import org.habarshy.relay.sms.segment.SmsSegment;

/** Receives what a gateway got from the network. Called on a gateway thread; implementations must not block. */
public interface SmsListener {
    /** Called for every 8-bit (binary) SMS received, with its user data and UDH indicator. */
    void binaryReceived(PhoneNumber from, SmsSegment segment);

    /** Called for an SMS that a gateway received but could not parse; {@code reason} holds no number or payload. */
    void malformedReceived(String reason);
}

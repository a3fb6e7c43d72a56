package org.habarshy.relay.sms.gateway;

import org.habarshy.relay.sms.segment.SmsSegment;

/**
 * Receives what a gateway got from the network, on a gateway thread. A gateway acknowledges an SMS to the network
 * (deliver_sm_resp, deleting it from the SIM, HTTP 204) only after {@link #binaryReceived} returned true.
 */
public interface SmsListener {
    /**
     * Called for every 8-bit (binary) SMS received, with its user data and UDH indicator. Returns true once the SMS
     * is stored (or deliberately dropped), false if it could not be stored now: the gateway must then leave it
     * unacknowledged so that the network delivers it again. May block for a few seconds.
     */
    boolean binaryReceived(PhoneNumber from, SmsSegment segment);

    /** Called for an SMS that a gateway received but could not parse; {@code reason} holds no number or payload. */
    void malformedReceived(String reason);
}

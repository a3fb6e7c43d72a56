package org.habarshy.relay.sms.gateway;

import java.io.IOException;
import org.habarshy.relay.sms.segment.SmsSegment;

/**
 * A way to send and receive SMS: an SMPP connection, a GSM modem, an HTTP SMS gateway. Gateways move opaque bytes
 * and never look inside them. {@code send*} may block (network, serial port) and must be called off any event loop.
 */
public interface SmsGateway extends AutoCloseable {
    /** Starts receiving and (re)connecting; received SMS go to {@code listener}. */
    void start(SmsListener listener) throws IOException;

    /** Sends one 8-bit SMS (data coding 0x04, UDHI as given); throws SmsSendException if it was not accepted. */
    void sendBinary(PhoneNumber to, SmsSegment segment) throws SmsSendException;

    /**
     * Sends {@code text} as an ordinary, <b>unencrypted</b> SMS that any phone can read (UCS-2 or GSM 7-bit,
     * concatenated as needed). Only for the explicit plain-SMS fallback; never used for envelopes.
     */
    void sendPlainText(PhoneNumber to, String text) throws SmsSendException;

    /** Returns a short name for logs and status ("smpp", "modem", "http"). */
    String name();

    /** Returns true while the gateway can send (bound, port open). */
    boolean isUp();

    /** Stops the gateway and releases its connection; idempotent. */
    @Override
    void close();
}

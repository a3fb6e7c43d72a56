package org.habarshy.relay.sms;

/**
 * Where an {@link SmsBridge} hands payloads that arrived whole, checked (size, header, expiry) and not seen before.
 * Called on the bridge's SMS thread; implementations hand the bytes to the mesh and must not block for long.
 */
public interface SmsPayloadSink {
    /** A sealed core envelope (docs/PROTOCOL.md §3), bytes exactly as sent. */
    void envelopeReceived(byte[] envelope);

    /** A compact sealed message (docs/PROTOCOL.md, "Compact sealed message"), bytes exactly as sent. */
    void compactReceived(byte[] compactMessage);
}

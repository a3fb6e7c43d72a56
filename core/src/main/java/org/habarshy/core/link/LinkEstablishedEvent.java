package org.habarshy.core.link;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Fired down the pipeline (as a user event) when the handshake has completed and the link cipher is
 * installed. The remote key is the peer's rotating transport key, not its identity.
 */
public final class LinkEstablishedEvent {
    private final byte[] remoteTransportKey;
    private final boolean initiator;
    private final int protocolVersion;

    /** Creates the event; the key is copied. */
    public LinkEstablishedEvent(byte[] remoteTransportKey, boolean initiator, int protocolVersion) {
        this.remoteTransportKey = remoteTransportKey.clone();
        this.initiator = initiator;
        this.protocolVersion = protocolVersion;
    }

    /** Returns a copy of the peer's X25519 transport public key. */
    public byte[] remoteTransportKey() {
        return remoteTransportKey.clone();
    }

    /** Returns true if this side opened the connection. */
    public boolean initiator() {
        return initiator;
    }

    /** Returns the sync protocol version both sides speak. */
    public int protocolVersion() {
        return protocolVersion;
    }

    /** Returns a short, log-safe label for the link (a prefix of the peer's transport key). */
    public String label() {
        return HexFormat.of().formatHex(Arrays.copyOf(remoteTransportKey, 4));
    }
}

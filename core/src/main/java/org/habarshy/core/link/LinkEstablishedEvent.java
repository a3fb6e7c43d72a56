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
    private final byte[] handshakeHash;

    /** Creates the event with an all-zero handshake hash (tests of handlers that do not use it); the key is copied. */
    public LinkEstablishedEvent(byte[] remoteTransportKey, boolean initiator, int protocolVersion) {
        this(remoteTransportKey, initiator, protocolVersion, new byte[32]);
    }

    /**
     * Creates the event; the key and the hash are copied. {@code handshakeHash} is the Noise handshake hash, unique
     * to this link and known only to its two ends (channel binding).
     */
    public LinkEstablishedEvent(byte[] remoteTransportKey, boolean initiator, int protocolVersion,
                                byte[] handshakeHash) {
        this.remoteTransportKey = remoteTransportKey.clone();
        this.initiator = initiator;
        this.protocolVersion = protocolVersion;
        this.handshakeHash = handshakeHash.clone();
    }

    /** Returns a copy of the Noise handshake hash of this link. */
    public byte[] handshakeHash() {
        return handshakeHash.clone();
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

package org.habarshy.core.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import org.habarshy.proto.v1.LinkHello;

/** Encodes the {@code habarshy.v1.LinkHello} payload of Noise handshake messages 2 and 3. */
public final class HelloCodec {
    private HelloCodec() {
    }

    /** Returns the hello payload announcing {@code protocolVersion}. */
    public static byte[] encode(int protocolVersion) {
        return LinkHello.newBuilder().setProtocolVersion(protocolVersion).build().toByteArray();
    }

    /**
     * Returns the peer's protocol version, an unsigned 32-bit number (0 to 2^32 - 1), or throws if the
     * payload is not a hello.
     */
    public static long decodeVersion(byte[] payload) throws MalformedRecordException {
        try {
            return Integer.toUnsignedLong(LinkHello.parseFrom(payload).getProtocolVersion());
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRecordException("handshake payload is not a LinkHello", e);
        }
    }
}

package org.habarshy.core.compact;

import java.util.Arrays;
import java.util.Objects;
import org.habarshy.core.crypto.CompactFormat;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.MalformedEnvelopeException;

/**
 * Envelope kind {@code 0x05}: a compact message ({@link CompactFormat}) carried through the mesh, so that a message
 * that travels part of its way as a bare compact SMS can be carried by nodes like any envelope (docs/PROTOCOL.md
 * §15.1). The wrapper is public and adds no cryptography; it is a pure function of the compact message, so the
 * sender, every relay that turns the SMS back into an envelope and every carrier produce the same bytes and the same
 * envelope id:
 *
 * <pre>
 * offset size field
 * 0      1    version    = 0x01
 * 1      1    kind       = 0x05
 * 2      8    created_at = the compact message's created_at, Unix ms (a whole minute)
 * 10     8    expires_at = the compact message's expires_at, Unix ms
 * 18     2    L, uint16, length of the compact message
 * 20     L    the compact message, exactly as sent by SMS
 * 20+L   p    zero bytes: p = max(0, 194 - 20 - L), so that links carry it (their smallest envelope is 194 bytes)
 * </pre>
 */
public final class CompactCarrier {
    /** The envelope kind of a compact carrier. */
    public static final int KIND = 0x05;
    /** Bytes before the compact message. */
    public static final int HEADER_BYTES = 20;
    /** Largest compact message a carrier holds. */
    public static final int MAX_COMPACT_BYTES = CompactFormat.OVERHEAD_BYTES + CompactFormat.MAX_PLAINTEXT_BYTES;

    private CompactCarrier() {
    }

    /** Returns true if {@code envelope} claims to be a compact carrier (version 1, kind 5); nothing else is checked. */
    public static boolean isCarrier(byte[] envelope) {
        return envelope != null && envelope.length >= 2 && envelope[0] == EnvelopeFormat.VERSION
                && (envelope[1] & 0xFF) == KIND;
    }

    /** Returns the carrier envelope of {@code compact}; throws MalformedEnvelopeException if its header is bad. */
    public static byte[] wrap(byte[] compact) throws MalformedEnvelopeException {
        Objects.requireNonNull(compact, "compact");
        CompactFormat.CompactHeader header = CompactFormat.parseHeader(compact);
        int length = Math.max(EnvelopeFormat.MIN_BYTES, HEADER_BYTES + compact.length);
        byte[] out = new byte[length];
        out[0] = (byte) EnvelopeFormat.VERSION;
        out[1] = (byte) KIND;
        writeLong(out, 2, header.createdAt());
        writeLong(out, 10, header.expiresAt());
        out[18] = (byte) (compact.length >>> 8);
        out[19] = (byte) compact.length;
        System.arraycopy(compact, 0, out, HEADER_BYTES, compact.length);
        return out;
    }

    /**
     * Returns the compact message inside {@code envelope}, after checking: version 1 and kind 5, a length of at
     * least 194 bytes, a compact length that accounts for every byte (with zero padding only up to 194 bytes), and
     * envelope times equal to the compact message's own.
     */
    public static byte[] unwrap(byte[] envelope) throws MalformedEnvelopeException {
        if (!isCarrier(envelope)) {
            throw new MalformedEnvelopeException("not a compact carrier");
        }
        if (envelope.length < EnvelopeFormat.MIN_BYTES || envelope.length > EnvelopeFormat.MIN_BYTES
                + MAX_COMPACT_BYTES) {
            throw new MalformedEnvelopeException("compact carrier length out of range: " + envelope.length);
        }
        int length = (envelope[18] & 0xFF) << 8 | (envelope[19] & 0xFF);
        if (length > MAX_COMPACT_BYTES || HEADER_BYTES + length > envelope.length
                || envelope.length != Math.max(EnvelopeFormat.MIN_BYTES, HEADER_BYTES + length)) {
            throw new MalformedEnvelopeException("compact carrier length field does not match");
        }
        for (int i = HEADER_BYTES + length; i < envelope.length; i++) {
            if (envelope[i] != 0) {
                throw new MalformedEnvelopeException("compact carrier padding is not zero");
            }
        }
        byte[] compact = Arrays.copyOfRange(envelope, HEADER_BYTES, HEADER_BYTES + length);
        CompactFormat.CompactHeader header = CompactFormat.parseHeader(compact);
        if (readLong(envelope, 2) != header.createdAt() || readLong(envelope, 10) != header.expiresAt()) {
            throw new MalformedEnvelopeException("compact carrier times differ from the compact message");
        }
        return compact;
    }

    private static void writeLong(byte[] bytes, int offset, long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * (Long.BYTES - 1 - i)));
        }
    }

    private static long readLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFFL);
        }
        return value;
    }
}

package org.habarshy.core.sync.reconcile;

import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * Parses and validates one reconciliation message from a peer. Everything is checked before it is
 * used: the size, the version, each varint, bounds strictly ascending, prefixes of at most 32
 * bytes, list lengths, items ascending and inside their range. Stateless.
 */
final class MessageDecoder {
    /** Bytes of an item at its smallest: a one-byte timestamp delta and the id. */
    private static final int MIN_ITEM_BYTES = 1 + EnvelopeId.LENGTH;

    private MessageDecoder() {
    }

    /** Returns the ranges of {@code message}, or throws saying what is wrong with it. */
    static List<Range> decode(byte[] message) throws ReconcileException {
        if (message == null || message.length == 0) {
            throw new ReconcileException("empty reconciliation message");
        }
        if (message.length > ReconcileLimits.MAX_MESSAGE_BYTES) {
            throw new ReconcileException("reconciliation message of " + message.length + " bytes exceeds "
                    + ReconcileLimits.MAX_MESSAGE_BYTES);
        }
        ByteReader in = new ByteReader(message);
        int version = in.readByte("version");
        if (version != ReconcileLimits.FORMAT_VERSION) {
            throw new ReconcileException("unsupported reconciliation format version " + version);
        }
        List<Range> ranges = new ArrayList<>();
        Bound lower = Bound.MIN;
        long previousTimestamp = 0;
        while (in.remaining() > 0) {
            if (ranges.size() == ReconcileLimits.MAX_RANGES) {
                throw new ReconcileException("more than " + ReconcileLimits.MAX_RANGES + " ranges");
            }
            Bound upper = readBound(in, previousTimestamp);
            if (upper.compareTo(lower) <= 0) {
                throw new ReconcileException("range bounds not strictly ascending at range " + ranges.size());
            }
            RangePayload payload = readPayload(in, lower, upper);
            ranges.add(new Range(upper, payload));
            previousTimestamp = upper.timestamp();
            lower = upper;
        }
        return ranges;
    }

    private static Bound readBound(ByteReader in, long previousTimestamp) throws ReconcileException {
        long encoded = in.readVarint("bound timestamp");
        int prefixLength = in.readCount(ReconcileLimits.MAX_PREFIX_BYTES, "bound prefix length");
        if (encoded == 0) {
            if (prefixLength != 0) {
                throw new ReconcileException("infinite bound with an id prefix");
            }
            return Bound.INFINITY;
        }
        long delta = encoded - 1;
        if (delta > Item.MAX_TIMESTAMP - previousTimestamp) {
            throw new ReconcileException("bound timestamp overflows");
        }
        return Bound.of(previousTimestamp + delta, in.readBytes(prefixLength, "bound prefix"));
    }

    private static RangePayload readPayload(ByteReader in, Bound lower, Bound upper) throws ReconcileException {
        long mode = in.readVarint("mode");
        if (mode == WireModes.SKIP) {
            return RangePayload.Skip.INSTANCE;
        } else if (mode == WireModes.FINGERPRINT) {
            return new RangePayload.Fingerprinted(
                    Fingerprint.of(in.readBytes(ReconcileLimits.FINGERPRINT_BYTES, "fingerprint")));
        } else if (mode == WireModes.ID_LIST) {
            return new RangePayload.IdList(readItems(in, lower, upper, "id list"));
        } else if (mode == WireModes.DIFFERENCE) {
            List<Item> senderOnly = readItems(in, lower, upper, "difference (sender only)");
            List<Item> receiverOnly = readItems(in, lower, upper, "difference (receiver only)");
            return new RangePayload.Difference(senderOnly, receiverOnly);
        }
        throw new ReconcileException("unknown range mode " + mode);
    }

    private static List<Item> readItems(ByteReader in, Bound lower, Bound upper, String what)
            throws ReconcileException {
        int count = in.readCount(ReconcileLimits.MAX_LIST_ITEMS, what + " length");
        if ((long) count * MIN_ITEM_BYTES > in.remaining()) {
            throw new ReconcileException("truncated " + what + ": " + count + " items cannot fit in "
                    + in.remaining() + " bytes");
        }
        List<Item> items = new ArrayList<>(count);
        long previous = lower.timestamp();
        Item last = null;
        for (int i = 0; i < count; i++) {
            long delta = in.readVarint(what + " timestamp");
            if (delta > Item.MAX_TIMESTAMP - previous) {
                throw new ReconcileException(what + " timestamp overflows");
            }
            Item item = Item.wrap(previous + delta, in.readBytes(EnvelopeId.LENGTH, what + " id"));
            if (last != null && last.compareTo(item) >= 0) {
                throw new ReconcileException(what + " not strictly ascending");
            }
            if (lower.compareTo(item) > 0 || upper.compareTo(item) <= 0) {
                throw new ReconcileException(what + " holds an item outside its range");
            }
            items.add(item);
            previous = item.timestamp();
            last = item;
        }
        return items;
    }
}

package org.habarshy.core.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.sync.SyncLimits;
import org.habarshy.proto.v1.EnvelopeTransfer;
import org.habarshy.proto.v1.LinkFrame;
import org.habarshy.proto.v1.Offer;
import org.habarshy.proto.v1.OfferDone;
import org.habarshy.proto.v1.Request;

/**
 * Named {@code LinkFrame} bodies, valid and malformed, at and just past every bound of docs/PROTOCOL.md
 * section 2.3. They seed both record fuzz targets: framed in plain text ({@link LinkFramingFuzzTest}) and
 * encrypted on an established link ({@code LinkHandshakeFuzzTest}).
 */
public final class LinkFrameBodies {
    private static final int UNKNOWN_FIELD = 15;

    private LinkFrameBodies() {
    }

    /** Returns the bodies by name, in a fixed order. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("offer-1-id", offer(ids(1, 32)));
        bodies.put("offer-1024-ids", offer(ids(SyncLimits.MAX_IDS_PER_RECORD, 32)));
        bodies.put("request-3-ids", request(ids(3, 32)));
        bodies.put("envelope-194-bytes-hops-0", envelope(EnvelopeFormat.MIN_BYTES, 0));
        bodies.put("envelope-262144-bytes-hops-15", envelope(EnvelopeFormat.MAX_BYTES, SyncLimits.MAX_HOPS - 1));
        bodies.put("offer-done", LinkFrame.newBuilder().setOfferDone(OfferDone.getDefaultInstance()).build()
                .toByteArray());
        bodies.put("unknown-kind", unknownField(new byte[8]));
        bodies.put("empty-body", new byte[0]);

        bodies.put("offer-0-ids", offer(List.of()));
        bodies.put("offer-1025-ids", offer(ids(SyncLimits.MAX_IDS_PER_RECORD + 1, 32)));
        bodies.put("request-1025-ids", request(ids(SyncLimits.MAX_IDS_PER_RECORD + 1, 32)));
        bodies.put("offer-id-31-bytes", offer(ids(1, 31)));
        bodies.put("request-id-33-bytes", request(ids(1, 33)));
        bodies.put("offer-id-0-bytes", offer(ids(1, 0)));
        bodies.put("envelope-193-bytes", envelope(EnvelopeFormat.MIN_BYTES - 1, 0));
        bodies.put("envelope-262145-bytes", envelope(EnvelopeFormat.MAX_BYTES + 1, 0));
        bodies.put("envelope-hops-16", envelope(EnvelopeFormat.MIN_BYTES, SyncLimits.MAX_HOPS));
        bodies.put("envelope-hops-uint32-max", envelope(EnvelopeFormat.MIN_BYTES, -1));
        bodies.put("not-protobuf", filled(8, 0xFF));
        byte[] offer = offer(ids(2, 32));
        bodies.put("offer-truncated", Arrays.copyOf(offer, offer.length - 7));
        bodies.put("offer-as-varint", new byte[] {0x08, 0x01});
        bodies.put("nested-groups-200", nestedGroups(200));
        // Version 2.
        byte[] smallest = {0x02};
        bodies.put("reconcile-1-byte", reconcile(smallest));
        byte[] largest = filled(org.habarshy.core.sync.reconcile.ReconcileLimits.MAX_MESSAGE_BYTES, 0);
        largest[0] = 0x02;
        bodies.put("reconcile-65536-bytes", reconcile(largest));
        bodies.put("reconcile-65537-bytes",
                reconcile(filled(org.habarshy.core.sync.reconcile.ReconcileLimits.MAX_MESSAGE_BYTES + 1, 2)));
        bodies.put("reconcile-empty", reconcile(new byte[0]));
        bodies.put("ping", LinkFrame.newBuilder().setPing(org.habarshy.proto.v1.Ping.newBuilder().setNonce(7))
                .build().toByteArray());
        bodies.put("pong", LinkFrame.newBuilder().setPong(org.habarshy.proto.v1.Pong.newBuilder().setNonce(7))
                .build().toByteArray());
        return bodies;
    }

    /** Returns a body of exactly {@code size} bytes (at least 2): one unknown field, which a receiver skips. */
    public static byte[] unknownKindOfSize(int size) {
        for (int payload = size - 2; payload >= 0; payload--) {
            if (1 + CodedOutputStream.computeUInt32SizeNoTag(payload) + payload == size) {
                return unknownField(new byte[payload]);
            }
        }
        throw new IllegalArgumentException("no unknown field is " + size + " bytes long");
    }

    private static byte[] reconcile(byte[] message) {
        return LinkFrame.newBuilder().setReconcile(org.habarshy.proto.v1.Reconcile.newBuilder()
                .setMessage(ByteString.copyFrom(message))).build().toByteArray();
    }

    private static byte[] offer(List<ByteString> ids) {
        return LinkFrame.newBuilder().setOffer(Offer.newBuilder().addAllIds(ids)).build().toByteArray();
    }

    private static byte[] request(List<ByteString> ids) {
        return LinkFrame.newBuilder().setRequest(Request.newBuilder().addAllIds(ids)).build().toByteArray();
    }

    private static byte[] envelope(int size, int hops) {
        return LinkFrame.newBuilder().setEnvelope(EnvelopeTransfer.newBuilder()
                .setEnvelope(ByteString.copyFrom(new byte[size])).setHops(hops)).build().toByteArray();
    }

    private static List<ByteString> ids(int count, int length) {
        List<ByteString> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] id = new byte[length];
            if (length >= 2) {
                id[0] = (byte) i;
                id[1] = (byte) (i >> 8);
            }
            ids.add(ByteString.copyFrom(id));
        }
        return ids;
    }

    private static byte[] unknownField(byte[] payload) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.writeByteArray(UNKNOWN_FIELD, payload);
            coded.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unknown start-group tags nested {@code depth} deep, past protobuf's recursion limit of 100. */
    private static byte[] nestedGroups(int depth) {
        byte startGroup = (byte) (UNKNOWN_FIELD << 3 | 3);
        byte endGroup = (byte) (UNKNOWN_FIELD << 3 | 4);
        byte[] out = new byte[2 * depth];
        Arrays.fill(out, 0, depth, startGroup);
        Arrays.fill(out, depth, 2 * depth, endGroup);
        return out;
    }

    private static byte[] filled(int size, int value) {
        byte[] out = new byte[size];
        Arrays.fill(out, (byte) value);
        return out;
    }
}

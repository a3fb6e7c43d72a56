package org.habarshy.core.wire;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.sync.SyncLimits;
import org.habarshy.core.sync.SyncRecord;

/**
 * What the fuzz targets of a link's inbound pipeline accept as a correct outcome. A decoded record must
 * respect every bound of docs/PROTOCOL.md section 2.3 and survive an encode/decode round trip; a rejection
 * must be a {@link TooLongFrameException} or a {@link CorruptedFrameException} (which
 * {@link MalformedRecordException} extends) and must close the link. A plain {@code DecoderException} is not
 * allowed: Netty wraps any other exception escaping a decoder in one. A violation throws AssertionError,
 * which Jazzer reports as a finding.
 */
public final class RecordOracle {
    private RecordOracle() {
    }

    /** Checks the exceptions a pipeline's tail saw, and that the link was closed if there were any. */
    public static void checkRejections(List<Throwable> errors, boolean linkStillOpen) {
        for (Throwable error : errors) {
            if (!(error instanceof TooLongFrameException || error instanceof CorruptedFrameException)) {
                throw new AssertionError("undocumented rejection", error);
            }
        }
        if (!errors.isEmpty() && linkStillOpen) {
            throw new AssertionError("a rejected stream left the link open");
        }
    }

    /** Checks a message that reached the end of the pipeline. */
    public static void checkRecord(Object message) {
        if (!(message instanceof SyncRecord record)) {
            throw new AssertionError("not a record: " + message);
        }
        if (record instanceof EnvelopeRecord envelope) {
            int size = envelope.envelope().length;
            if (size < EnvelopeFormat.MIN_BYTES || size > EnvelopeFormat.MAX_BYTES
                    || envelope.hops() >= SyncLimits.MAX_HOPS) {
                throw new AssertionError("out-of-bounds record accepted: " + envelope);
            }
        }
        if (record instanceof org.habarshy.core.sync.ReconcileRecord reconcile) {
            int size = reconcile.message().length;
            if (size < 1 || size > org.habarshy.core.sync.reconcile.ReconcileLimits.MAX_MESSAGE_BYTES) {
                throw new AssertionError("out-of-bounds record accepted: " + reconcile);
            }
        }
        if (record instanceof org.habarshy.core.sync.RttAnnounceRecord announce) {
            if (announce.tags().size() > org.habarshy.core.sync.RttLimits.MAX_TAGS || announce.tags().stream()
                    .anyMatch(t -> t.length != org.habarshy.core.sync.RttLimits.TAG_BYTES)) {
                throw new AssertionError("out-of-bounds record accepted: " + announce);
            }
        }
        if (record instanceof org.habarshy.core.sync.RttUpdateRecord update && update.text()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length > org.habarshy.core.sync.RttLimits.MAX_TEXT_BYTES) {
            throw new AssertionError("out-of-bounds record accepted: " + update);
        }
        byte[] encoded = LinkFrameCodec.toProto(record).toByteArray();
        SyncRecord again;
        try {
            again = LinkFrameCodec.fromBytes(Unpooled.wrappedBuffer(encoded));
        } catch (MalformedRecordException e) {
            throw new AssertionError("an accepted record does not decode once re-encoded: " + record, e);
        }
        if (!record.equals(again)) {
            throw new AssertionError("record changed in a round trip: " + record + " became " + again);
        }
    }
}

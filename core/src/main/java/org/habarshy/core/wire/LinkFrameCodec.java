package org.habarshy.core.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToMessageCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.sync.OfferDoneRecord;
import org.habarshy.core.sync.OfferRecord;
import org.habarshy.core.sync.PingRecord;
import org.habarshy.core.sync.PongRecord;
import org.habarshy.core.sync.ReconcileRecord;
import org.habarshy.core.sync.RequestRecord;
import org.habarshy.core.sync.RttAnnounceRecord;
import org.habarshy.core.sync.RttLimits;
import org.habarshy.core.sync.RttUpdateRecord;
import org.habarshy.core.sync.SyncLimits;
import org.habarshy.core.sync.SyncRecord;
import org.habarshy.core.sync.reconcile.ReconcileLimits;
import org.habarshy.proto.v1.EnvelopeTransfer;
import org.habarshy.proto.v1.LinkFrame;
import org.habarshy.proto.v1.Offer;
import org.habarshy.proto.v1.OfferDone;
import org.habarshy.proto.v1.Ping;
import org.habarshy.proto.v1.Pong;
import org.habarshy.proto.v1.Reconcile;
import org.habarshy.proto.v1.Request;
import org.habarshy.proto.v1.RttAnnounce;
import org.habarshy.proto.v1.RttUpdate;

/**
 * Maps decrypted frame bodies to {@link SyncRecord}s and back ({@code habarshy.v1.LinkFrame}).
 * Every field is bounded before use: at most {@link SyncLimits#MAX_IDS_PER_RECORD} ids of exactly
 * 32 bytes, envelopes of {@link EnvelopeFormat#MIN_BYTES}..{@link EnvelopeFormat#MAX_BYTES} bytes,
 * hops at most {@link SyncLimits#MAX_HOPS}, reconciliation messages of 1..{@link ReconcileLimits#MAX_MESSAGE_BYTES}
 * bytes, real-time-text announces of at most {@link RttLimits#MAX_TAGS} tags of {@link RttLimits#TAG_BYTES}
 * bytes, drafts of at most {@link RttLimits#MAX_TEXT_BYTES} bytes of valid UTF-8. A violation raises
 * {@link MalformedRecordException}.
 * A frame whose body this version does not know (a newer peer) is skipped, not fatal.
 */
@Sharable
public final class LinkFrameCodec extends MessageToMessageCodec<ByteBuf, SyncRecord> {
    /** The shared, stateless instance. */
    public static final LinkFrameCodec INSTANCE = new LinkFrameCodec();

    private static final System.Logger LOG = System.getLogger(LinkFrameCodec.class.getName());

    private LinkFrameCodec() {
    }

    /**
     * Serialises straight into a pooled heap buffer: the link cipher that follows reads the array in
     * place (Bouncy Castle works on arrays only).
     */
    @Override
    protected void encode(ChannelHandlerContext ctx, SyncRecord record, List<Object> out) throws IOException {
        LinkFrame frame = toProto(record);
        int size = frame.getSerializedSize();
        ByteBuf buf = ctx.alloc().heapBuffer(size, size);
        try {
            CodedOutputStream coded = CodedOutputStream.newInstance(buf.array(),
                    buf.arrayOffset() + buf.writerIndex(), size);
            frame.writeTo(coded);
            coded.checkNoSpaceLeft();
            buf.writerIndex(buf.writerIndex() + size);
            out.add(buf);
        } catch (IOException | RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf body, List<Object> out) throws IOException {
        SyncRecord record = fromBytes(body);
        if (record != null) {
            out.add(record);
        }
    }

    /**
     * Parses one frame body; returns null for a frame kind this version does not know. The parsed
     * bytes fields alias {@code body} (no copy while parsing); every field that outlives this call is
     * copied out of it into the record.
     */
    static SyncRecord fromBytes(ByteBuf body) throws MalformedRecordException {
        if (body.readableBytes() > WireLimits.MAX_FRAME_BYTES) {
            throw new MalformedRecordException("frame of " + body.readableBytes() + " bytes");
        }
        LinkFrame frame;
        try {
            CodedInputStream coded = CodedInputStream.newInstance(body.nioBuffer());
            coded.enableAliasing(true);
            frame = LinkFrame.parseFrom(coded);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRecordException("frame is not a valid LinkFrame", e);
        } catch (IOException e) {
            throw new MalformedRecordException("frame could not be read", e);
        }
        switch (frame.getBodyCase()) {
            case OFFER:
                return new OfferRecord(ids(frame.getOffer().getIdsList(), "offer"));
            case REQUEST:
                return new RequestRecord(ids(frame.getRequest().getIdsList(), "request"));
            case ENVELOPE:
                return envelope(frame.getEnvelope());
            case OFFER_DONE:
                return new OfferDoneRecord();
            case RECONCILE:
                return reconcile(frame.getReconcile());
            case PING:
                return new PingRecord(frame.getPing().getNonce());
            case PONG:
                return new PongRecord(frame.getPong().getNonce());
            case RTT_ANNOUNCE:
                return rttAnnounce(frame.getRttAnnounce());
            case RTT_UPDATE:
                return rttUpdate(frame.getRttUpdate());
            default:
                LOG.log(System.Logger.Level.DEBUG, "skipping frame of unknown kind");
                return null;
        }
    }

    private static List<EnvelopeId> ids(List<ByteString> raw, String what) throws MalformedRecordException {
        if (raw.isEmpty() || raw.size() > SyncLimits.MAX_IDS_PER_RECORD) {
            throw new MalformedRecordException(what + " with " + raw.size() + " ids (allowed 1.."
                    + SyncLimits.MAX_IDS_PER_RECORD + ")");
        }
        List<EnvelopeId> ids = new ArrayList<>(raw.size());
        for (ByteString id : raw) {
            if (id.size() != EnvelopeId.LENGTH) {
                throw new MalformedRecordException(what + " id of " + id.size() + " bytes");
            }
            ids.add(new EnvelopeId(id.toByteArray()));
        }
        return ids;
    }

    private static EnvelopeRecord envelope(EnvelopeTransfer transfer) throws MalformedRecordException {
        int size = transfer.getEnvelope().size();
        if (size < EnvelopeFormat.MIN_BYTES || size > EnvelopeFormat.MAX_BYTES) {
            throw new MalformedRecordException("envelope of " + size + " bytes");
        }
        if (transfer.getHops() < 0 || transfer.getHops() >= SyncLimits.MAX_HOPS) {
            throw new MalformedRecordException("envelope with hop count " + Integer.toUnsignedString(transfer.getHops()));
        }
        return new EnvelopeRecord(transfer.getEnvelope().toByteArray(), transfer.getHops());
    }

    private static ReconcileRecord reconcile(Reconcile reconcile) throws MalformedRecordException {
        int size = reconcile.getMessage().size();
        if (size < 1 || size > ReconcileLimits.MAX_MESSAGE_BYTES) {
            throw new MalformedRecordException("reconcile message of " + size + " bytes (allowed 1.."
                    + ReconcileLimits.MAX_MESSAGE_BYTES + ")");
        }
        return new ReconcileRecord(reconcile.getMessage().toByteArray());
    }

    private static RttAnnounceRecord rttAnnounce(RttAnnounce announce) throws MalformedRecordException {
        List<ByteString> raw = announce.getTagsList();
        if (raw.size() > RttLimits.MAX_TAGS) {
            throw new MalformedRecordException("real-time-text announce with " + raw.size() + " tags (allowed 0.."
                    + RttLimits.MAX_TAGS + ")");
        }
        List<byte[]> tags = new ArrayList<>(raw.size());
        for (ByteString tag : raw) {
            if (tag.size() != RttLimits.TAG_BYTES) {
                throw new MalformedRecordException("real-time-text tag of " + tag.size() + " bytes");
            }
            tags.add(tag.toByteArray());
        }
        return new RttAnnounceRecord(tags);
    }

    private static RttUpdateRecord rttUpdate(RttUpdate update) throws MalformedRecordException {
        // proto3 strings are checked for valid UTF-8 while parsing; the size is that of the UTF-8 bytes.
        int size = update.getTextBytes().size();
        if (size > RttLimits.MAX_TEXT_BYTES) {
            throw new MalformedRecordException("real-time-text draft of " + size + " bytes (allowed 0.."
                    + RttLimits.MAX_TEXT_BYTES + ")");
        }
        return new RttUpdateRecord(update.getText());
    }

    static LinkFrame toProto(SyncRecord record) {
        if (record instanceof OfferRecord offer) {
            return LinkFrame.newBuilder().setOffer(Offer.newBuilder().addAllIds(bytes(offer.ids()))).build();
        } else if (record instanceof RequestRecord request) {
            return LinkFrame.newBuilder().setRequest(Request.newBuilder().addAllIds(bytes(request.ids()))).build();
        } else if (record instanceof EnvelopeRecord envelope) {
            return LinkFrame.newBuilder().setEnvelope(EnvelopeTransfer.newBuilder()
                    // envelope() returns a fresh copy that nothing else holds, so it can be wrapped as is.
                    .setEnvelope(UnsafeByteOperations.unsafeWrap(envelope.envelope()))
                    .setHops(envelope.hops())).build();
        } else if (record instanceof OfferDoneRecord) {
            return LinkFrame.newBuilder().setOfferDone(OfferDone.getDefaultInstance()).build();
        } else if (record instanceof ReconcileRecord reconcile) {
            return LinkFrame.newBuilder().setReconcile(Reconcile.newBuilder()
                    .setMessage(UnsafeByteOperations.unsafeWrap(reconcile.message()))).build();
        } else if (record instanceof PingRecord ping) {
            return LinkFrame.newBuilder().setPing(Ping.newBuilder().setNonce(ping.nonce())).build();
        } else if (record instanceof PongRecord pong) {
            return LinkFrame.newBuilder().setPong(Pong.newBuilder().setNonce(pong.nonce())).build();
        } else if (record instanceof RttAnnounceRecord announce) {
            RttAnnounce.Builder builder = RttAnnounce.newBuilder();
            for (byte[] tag : announce.tags()) {
                builder.addTags(UnsafeByteOperations.unsafeWrap(tag));
            }
            return LinkFrame.newBuilder().setRttAnnounce(builder).build();
        } else if (record instanceof RttUpdateRecord update) {
            return LinkFrame.newBuilder().setRttUpdate(RttUpdate.newBuilder().setText(update.text())).build();
        }
        throw new EncoderException("unsupported record: " + record.getClass().getSimpleName());
    }

    private static List<ByteString> bytes(List<EnvelopeId> ids) {
        List<ByteString> out = new ArrayList<>(ids.size());
        for (EnvelopeId id : ids) {
            out.add(ByteString.copyFrom(id.bytes()));
        }
        return out;
    }
}

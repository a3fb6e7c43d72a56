package org.habarshy.core.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.GroupContent;
import org.habarshy.core.api.message.FileChunkContent;
import org.habarshy.core.api.message.FileManifestContent;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.api.message.RatchetContent;
import org.habarshy.core.api.message.ReceiptContent;
import org.habarshy.core.api.message.ReportContent;
import org.habarshy.core.api.message.TextContent;
import org.habarshy.core.crypto.RatchetHeader;
import org.habarshy.core.crypto.RatchetSession;
import org.habarshy.proto.v1.Content;
import org.habarshy.proto.v1.Receipt;
import org.habarshy.proto.v1.TextMessage;

/**
 * Encodes {@link MessageContent} as {@code habarshy.v1.Content}, the plaintext an envelope carries,
 * and decodes it with every bound checked. Decoding happens only after the envelope's signature
 * was verified, but is still treated as untrusted input.
 */
public final class ContentCodec {
    /** Creates a codec; it holds no state. */
    public ContentCodec() {
    }

    /** Returns the bytes to seal. */
    public byte[] encode(MessageContent content) {
        Content.Builder builder = Content.newBuilder();
        if (content instanceof TextContent text) {
            builder.setText(TextMessage.newBuilder().setText(text.text()).setSentAt(text.sentAt())
                    .setDisappearAfterMs(text.disappearAfterMillis()));
        } else if (content instanceof ReceiptContent receipt) {
            Receipt.Builder r = Receipt.newBuilder().setKind(receipt.kind() == ReceiptContent.Kind.READ
                    ? Receipt.Kind.READ : Receipt.Kind.DELIVERED);
            for (EnvelopeId id : receipt.acknowledged()) {
                r.addEnvelopeIds(ByteString.copyFrom(id.bytes()));
            }
            builder.setReceipt(r);
        } else if (content instanceof RatchetContent ratchet) {
            builder.setRatchet(ByteString.copyFrom(ratchet.message()));
        } else if (content instanceof GroupContent group) {
            GroupCodec.encodeInto(builder, group);
        } else if (content instanceof FileManifestContent manifest) {
            AttachmentContentCodec.encodeManifest(builder, manifest);
        } else if (content instanceof FileChunkContent chunk) {
            AttachmentContentCodec.encodeChunk(builder, chunk);
        } else if (content instanceof ReportContent report) {
            AttachmentContentCodec.encodeReport(builder, report);
        } else {
            throw new IllegalArgumentException("unsupported content: " + content.getClass().getSimpleName());
        }
        return builder.build().toByteArray();
    }

    /**
     * Decodes opened content.
     *
     * @throws MalformedRecordException if it is not valid content or a bound is exceeded; content
     *     of a kind this version does not know is reported the same way, and is still carried.
     */
    public MessageContent decode(byte[] bytes) throws MalformedRecordException {
        Content content;
        try {
            content = Content.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRecordException("content is not valid protobuf", e);
        }
        try {
            switch (content.getBodyCase()) {
                case TEXT:
                    return new TextContent(content.getText().getText(), content.getText().getSentAt(),
                            content.getText().getDisappearAfterMs());
                case RECEIPT:
                    return receipt(content.getReceipt());
                case RATCHET:
                    return ratchet(content.getRatchet());
                case GROUP_UPDATE:
                    return new GroupContent(GroupContent.Kind.UPDATE, content.getGroupUpdate().toByteArray());
                case SENDER_KEY:
                    return new GroupContent(GroupContent.Kind.SENDER_KEY, content.getSenderKey().toByteArray());
                case FILE_MANIFEST:
                    return AttachmentContentCodec.decodeManifest(content.getFileManifest());
                case FILE_CHUNK:
                    return AttachmentContentCodec.decodeChunk(content.getFileChunk());
                case REPORT:
                    return AttachmentContentCodec.decodeReport(content.getReport());
                default:
                    throw new MalformedRecordException("content of unknown kind");
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("content out of bounds: " + e.getMessage(), e);
        }
    }

    private static RatchetContent ratchet(ByteString message) throws MalformedRecordException {
        if (message.size() < RatchetHeader.MIN_MESSAGE_BYTES || message.size() > RatchetSession.MAX_MESSAGE_BYTES) {
            throw new MalformedRecordException("ratchet message of " + message.size() + " bytes");
        }
        return new RatchetContent(message.toByteArray());
    }

    private static ReceiptContent receipt(Receipt receipt) throws MalformedRecordException {
        ReceiptContent.Kind kind;
        if (receipt.getKind() == Receipt.Kind.DELIVERED) {
            kind = ReceiptContent.Kind.DELIVERED;
        } else if (receipt.getKind() == Receipt.Kind.READ) {
            kind = ReceiptContent.Kind.READ;
        } else {
            throw new MalformedRecordException("receipt of unsupported kind");
        }
        if (receipt.getEnvelopeIdsCount() > ReceiptContent.MAX_IDS) {
            throw new MalformedRecordException("receipt with " + receipt.getEnvelopeIdsCount() + " ids");
        }
        List<EnvelopeId> ids = new ArrayList<>(receipt.getEnvelopeIdsCount());
        for (ByteString id : receipt.getEnvelopeIdsList()) {
            if (id.size() != EnvelopeId.LENGTH) {
                throw new MalformedRecordException("receipt id of " + id.size() + " bytes");
            }
            ids.add(new EnvelopeId(id.toByteArray()));
        }
        return new ReceiptContent(kind, ids);
    }
}

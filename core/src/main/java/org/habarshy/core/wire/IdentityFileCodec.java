package org.habarshy.core.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.habarshy.proto.v1.IdentityFile;

/** Encodes the identity key file ({@code habarshy.v1.IdentityFile}). */
public final class IdentityFileCodec {
    /** File format version written and accepted. */
    public static final int FILE_VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int MAX_FILE_BYTES = 4096;

    /** Creates a codec; it holds no state. */
    public IdentityFileCodec() {
    }

    /** Returns the file bytes. */
    public byte[] encode(IdentityFileFields fields) {
        return IdentityFile.newBuilder()
                .setVersion(FILE_VERSION)
                .setName(fields.name())
                .setSigningSeed(ByteString.copyFrom(fields.signingSeed()))
                .setAgreementPrivate(ByteString.copyFrom(fields.agreementPrivateKey()))
                .setCreatedAt(fields.createdAt())
                .build().toByteArray();
    }

    /** Decodes file bytes; throws with a clear reason if they are damaged or of another version. */
    public IdentityFileFields decode(byte[] bytes) throws MalformedRecordException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new MalformedRecordException("identity file is too large to be an identity file");
        }
        IdentityFile file;
        try {
            file = IdentityFile.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRecordException("identity file is damaged", e);
        }
        if (file.getVersion() != FILE_VERSION) {
            throw new MalformedRecordException("identity file version " + file.getVersion() + " is not supported");
        }
        if (file.getSigningSeed().size() != KEY_BYTES || file.getAgreementPrivate().size() != KEY_BYTES) {
            throw new MalformedRecordException("identity file is damaged (key length)");
        }
        return new IdentityFileFields(file.getName(), file.getSigningSeed().toByteArray(),
                file.getAgreementPrivate().toByteArray(), file.getCreatedAt());
    }
}

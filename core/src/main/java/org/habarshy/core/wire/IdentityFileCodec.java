package org.habarshy.core.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.habarshy.core.crypto.Argon2idParameters;
import org.habarshy.core.crypto.PassphraseKey;
import org.habarshy.proto.v1.EncryptedIdentityFile;
import org.habarshy.proto.v1.EncryptedIdentityHeader;
import org.habarshy.proto.v1.IdentityFile;
import org.habarshy.proto.v1.IdentityFileVersion;
import org.habarshy.proto.v1.KeyDerivation;

/**
 * Encodes the identity key file: version 1 ({@code habarshy.v1.IdentityFile}, unencrypted) and version 2
 * ({@code habarshy.v1.EncryptedIdentityFile}, the version-1 bytes sealed under a passphrase). Both carry their
 * version in field 1, which {@link #version(byte[])} reads first.
 */
public final class IdentityFileCodec {
    /** Version of the unencrypted file (and of the plaintext inside version 2). */
    public static final int FILE_VERSION = 1;
    /** Version of the passphrase-encrypted file. */
    public static final int ENCRYPTED_FILE_VERSION = 2;
    private static final int KEY_BYTES = 32;
    private static final int MAX_FILE_BYTES = 4096;
    private static final int MAX_ENCRYPTED_FILE_BYTES = 2 * MAX_FILE_BYTES;

    /** Creates a codec; it holds no state. */
    public IdentityFileCodec() {
    }

    /** Returns the version of identity file bytes, or throws if they cannot be an identity file. */
    public int version(byte[] bytes) throws MalformedRecordException {
        if (bytes.length > MAX_ENCRYPTED_FILE_BYTES) {
            throw new MalformedRecordException("identity file is too large to be an identity file");
        }
        try {
            return IdentityFileVersion.parseFrom(bytes).getVersion();
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRecordException("identity file is damaged", e);
        }
    }

    /** Returns the version-1 file bytes. */
    public byte[] encode(IdentityFileFields fields) {
        return IdentityFile.newBuilder()
                .setVersion(FILE_VERSION)
                .setName(fields.name())
                .setSigningSeed(ByteString.copyFrom(fields.signingSeed()))
                .setAgreementPrivate(ByteString.copyFrom(fields.agreementPrivateKey()))
                .setCreatedAt(fields.createdAt())
                .build().toByteArray();
    }

    /** Decodes version-1 file bytes; throws with a clear reason if they are damaged or of another version. */
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

    /** Returns the header of a version-2 file: the version, the Argon2id parameters and the salt. */
    public byte[] encodeHeader(Argon2idParameters parameters, byte[] salt) {
        return EncryptedIdentityHeader.newBuilder()
                .setVersion(ENCRYPTED_FILE_VERSION)
                .setKdf(KeyDerivation.ARGON2ID_V13)
                .setMemoryKib(parameters.memoryKiB())
                .setIterations(parameters.iterations())
                .setParallelism(parameters.parallelism())
                .setSalt(ByteString.copyFrom(salt))
                .build().toByteArray();
    }

    /** Returns the version-2 file bytes around a header (from {@link #encodeHeader}) and the sealed secret. */
    public byte[] encodeEncrypted(byte[] header, byte[] sealed) {
        return EncryptedIdentityFile.newBuilder()
                .setVersion(ENCRYPTED_FILE_VERSION)
                .setHeader(ByteString.copyFrom(header))
                .setSealed(ByteString.copyFrom(sealed))
                .build().toByteArray();
    }

    /**
     * Decodes version-2 file bytes; throws with a clear reason if they are damaged. The parameters are checked
     * to be positive, not against any floor: that is the key derivation's job.
     */
    public EncryptedIdentity decodeEncrypted(byte[] bytes) throws MalformedRecordException {
        if (bytes.length > MAX_ENCRYPTED_FILE_BYTES) {
            throw new MalformedRecordException("identity file is too large to be an identity file");
        }
        EncryptedIdentityFile file;
        EncryptedIdentityHeader header;
        try {
            file = EncryptedIdentityFile.parseFrom(bytes);
            header = EncryptedIdentityHeader.parseFrom(file.getHeader());
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRecordException("identity file is damaged", e);
        }
        if (file.getVersion() != ENCRYPTED_FILE_VERSION || header.getVersion() != ENCRYPTED_FILE_VERSION) {
            throw new MalformedRecordException("identity file is damaged (version " + file.getVersion()
                    + ", header version " + header.getVersion() + ")");
        }
        if (header.getKdf() != KeyDerivation.ARGON2ID_V13) {
            throw new MalformedRecordException("identity file names an unknown key derivation");
        }
        if (header.getSalt().size() != PassphraseKey.SALT_BYTES) {
            throw new MalformedRecordException("identity file is damaged (salt length)");
        }
        int sealedBytes = file.getSealed().size();
        if (sealedBytes <= PassphraseKey.SEALED_OVERHEAD_BYTES
                || sealedBytes > MAX_FILE_BYTES + PassphraseKey.SEALED_OVERHEAD_BYTES) {
            throw new MalformedRecordException("identity file is damaged (ciphertext length)");
        }
        Argon2idParameters parameters;
        try {
            parameters = new Argon2idParameters(header.getMemoryKib(), header.getIterations(),
                    header.getParallelism());
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("identity file is damaged (key derivation parameters)", e);
        }
        return new EncryptedIdentity(file.getHeader().toByteArray(), parameters, header.getSalt().toByteArray(),
                file.getSealed().toByteArray());
    }
}

package org.habarshy.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.attachment.AttachmentState;
import org.habarshy.core.api.attachment.FileId;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.FileChunkContent;
import org.habarshy.core.api.message.FileManifestContent;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.crypto.FileDigest;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.crypto.StorageCipher;
import org.habarshy.core.identity.IdentityKeys;
import org.habarshy.core.store.AttachmentStore;
import org.habarshy.core.store.ContactStore;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.FieldCipher;
import org.habarshy.core.store.FileRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiving side of files against a real SQLite database: chunks in any order, before their manifest, twice;
 * a wrong hash or length fails the file without a crash; strangers are refused; a contact's unfinished bytes are
 * bounded.
 */
class AttachmentInboxTest {
    private static final int CHUNK = 1000;

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private IdentityKeys me;
    private IdentityKeys alice;
    private AttachmentStore store;
    private AttachmentInbox inbox;
    private Database db;
    private int envelopeCounter;

    @BeforeEach
    void setUp() throws Exception {
        me = IdentityKeys.generate("Me", random, clock.millis());
        alice = IdentityKeys.generate("Alice", random, clock.millis());
        StorageCipher cipher = StorageCipher.of(me.agreement(), random);
        store = new AttachmentStore(new FieldCipher() {
            @Override
            public byte[] seal(byte[] context, byte[] plaintext) {
                return cipher.seal(context, plaintext);
            }

            @Override
            public byte[] open(byte[] context, byte[] sealed) throws GeneralSecurityException {
                return cipher.open(context, sealed);
            }
        });
        ContactStore contacts = new ContactStore();
        inbox = new AttachmentInbox(store, contacts, clock);
        db = Database.open(dir.resolve("me.db"));
        db.write(t -> {
            contacts.add(t, new Contact("alice", alice.card(), clock.millis()));
            return null;
        });
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        db.close();
    }

    private byte[] file(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private FileManifestContent manifest(FileId id, byte[] file, byte[] hash) {
        return new FileManifestContent(id, "../../etc/passwd\u0000.jpg", "IMAGE/JPEG", file.length,
                AttachmentLimits.chunkCount(file.length, CHUNK), CHUNK, hash, Optional.empty(), clock.millis());
    }

    private static byte[] sha256(byte[] file) {
        FileDigest digest = new FileDigest();
        digest.update(file);
        return digest.finish();
    }

    private FileChunkContent chunk(FileId id, byte[] file, int index) {
        int count = AttachmentLimits.chunkCount(file.length, CHUNK);
        return new FileChunkContent(id, index, count,
                Arrays.copyOfRange(file, index * CHUNK, Math.min(file.length, (index + 1) * CHUNK)));
    }

    private boolean deliver(IdentityKeys from, MessageContent content) throws Exception {
        byte[] id = new byte[32];
        id[0] = (byte) ++envelopeCounter;
        id[1] = (byte) (envelopeCounter >> 8);
        OpenedEnvelope opened = new OpenedEnvelope(new EnvelopeId(id), from.card().identityKey(),
                from.card().agreementKey(), new byte[0], 0, 1);
        return db.write(t -> inbox.accept(t, opened, content));
    }

    private FileRow row(FileId id) throws Exception {
        return db.read(t -> store.findFile(t, alice.card().identityKey(), id)).orElseThrow();
    }

    private int held(FileId id) throws Exception {
        return db.read(t -> store.chunksHeld(t, alice.card().identityKey(), id));
    }

    private java.util.List<FileRow> files() throws Exception {
        return db.read(t -> store.listFiles(t, Optional.empty()));
    }

    private long partial() throws Exception {
        return db.read(t -> store.partialBytes(t, alice.card().identityKey()));
    }

    private FileId newId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return new FileId(id);
    }

    private byte[] assembled(FileRow row) throws Exception {
        byte[] out = new byte[(int) row.size()];
        int at = 0;
        for (int i = 0; i < row.chunkCount(); i++) {
            int index = i;
            byte[] c = db.read(t -> store.chunk(t, row.peer(), row.id(), index)).orElseThrow();
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        return out;
    }

    @Test
    void chunksOutOfOrderBeforeTheManifestAndTwiceAssembleTheExactFile() throws Exception {
        byte[] file = file(4 * CHUNK + 123);
        FileId id = newId();
        assertThat(deliver(alice, chunk(id, file, 4))).isTrue();
        assertThat(deliver(alice, chunk(id, file, 2))).isTrue();
        assertThat(deliver(alice, chunk(id, file, 2))).as("a duplicate chunk is ignored").isFalse();
        assertThat(deliver(alice, manifest(id, file, sha256(file)))).isTrue();
        assertThat(deliver(alice, manifest(id, file, sha256(file)))).as("a duplicate manifest").isFalse();
        assertThat(row(id).state()).isEqualTo(AttachmentState.PARTIAL);
        assertThat(held(id)).isEqualTo(2);
        deliver(alice, chunk(id, file, 0));
        deliver(alice, chunk(id, file, 3));
        assertThat(row(id).state()).isEqualTo(AttachmentState.PARTIAL);
        deliver(alice, chunk(id, file, 1));
        FileRow done = row(id);
        assertThat(done.state()).isEqualTo(AttachmentState.COMPLETE);
        assertThat(done.name()).isEqualTo("passwd_.jpg");
        assertThat(done.mimeType()).isEqualTo("image/jpeg");
        assertThat(assembled(done)).isEqualTo(file);
        assertThat(deliver(alice, chunk(id, file, 1))).as("a chunk of a complete file").isFalse();
    }

    @Test
    void aWrongHashFailsTheFileAndDropsItsChunks() throws Exception {
        byte[] file = file(3 * CHUNK);
        FileId id = newId();
        byte[] wrong = sha256(file);
        wrong[0] ^= 1;
        deliver(alice, manifest(id, file, wrong));
        for (int i = 0; i < 3; i++) {
            deliver(alice, chunk(id, file, i));
        }
        FileRow failed = row(id);
        assertThat(failed.state()).isEqualTo(AttachmentState.FAILED);
        assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e).contains("SHA-256"));
        assertThat(held(id)).isZero();
        assertThat(deliver(alice, chunk(id, file, 0))).as("chunks of a failed file are ignored").isFalse();
    }

    @Test
    void aChunkOfTheWrongLengthOrBeyondTheCountFailsTheFile() throws Exception {
        byte[] file = file(2 * CHUNK + 10);
        FileId id = newId();
        deliver(alice, new FileChunkContent(id, 0, 3, new byte[CHUNK - 1]));
        deliver(alice, manifest(id, file, sha256(file)));
        assertThat(row(id).state()).isEqualTo(AttachmentState.FAILED);
        assertThat(row(id).error()).hasValueSatisfying(e -> assertThat(e).contains("chunk 0"));

        FileId other = newId();
        deliver(alice, new FileChunkContent(other, 7, 8, new byte[CHUNK]));
        deliver(alice, manifest(other, file, sha256(file)));
        assertThat(row(other).state()).isEqualTo(AttachmentState.FAILED);
    }

    @Test
    void anEmptyFileCompletesWithItsManifest() throws Exception {
        FileId id = newId();
        deliver(alice, manifest(id, new byte[0], sha256(new byte[0])));
        assertThat(row(id).state()).isEqualTo(AttachmentState.COMPLETE);
    }

    @Test
    void filesFromStrangersAreRefused() throws Exception {
        IdentityKeys stranger = IdentityKeys.generate("Stranger", random, clock.millis());
        byte[] file = file(CHUNK);
        FileId id = newId();
        assertThat(deliver(stranger, chunk(id, file, 0))).isFalse();
        assertThat(deliver(stranger, manifest(id, file, sha256(file)))).isFalse();
        assertThat(files()).isEmpty();
    }

    @Test
    void unfinishedBytesPerContactAreBounded() throws Exception {
        FileId id = newId();
        long limit = AttachmentLimits.MAX_PARTIAL_BYTES_PER_PEER;
        int max = AttachmentLimits.CHUNK_BYTES;
        int fits = (int) (limit / max);
        byte[] data = new byte[max];
        for (int i = 0; i < fits; i++) {
            FileId each = i % 2 == 0 ? id : newId();
            assertThat(deliver(alice, new FileChunkContent(each, i % 2 == 0 ? i / 2 : 0, 256, data))).isTrue();
        }
        assertThat(deliver(alice, new FileChunkContent(newId(), 0, 1, data))).as("over the bound").isFalse();
        assertThat(partial()).isLessThanOrEqualTo(limit);
    }
}

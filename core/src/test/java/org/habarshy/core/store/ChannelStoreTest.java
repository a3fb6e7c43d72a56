package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habarshy.core.store.StoreFixtures.bytes32;
import static org.habarshy.core.store.StoreFixtures.envelopeId;
import static org.habarshy.core.store.StoreFixtures.scalar;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.StorageCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema step 7 on a real SQLite file: channels with sealed secrets, posts, replays by sequence, the post walk. */
class ChannelStoreTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] KEY = bytes32(0xC4, 1);
    private static final byte[] SECRET = bytes32(0x5E, 2);
    private static final byte[] SEED = bytes32(0x5D, 3);

    @TempDir
    Path dir;

    private Database db;
    private final AgreementKeyPair identity = AgreementKeyPair.generate(RANDOM);
    private ChannelStore store;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("channels.db"));
        store = new ChannelStore(cipher(identity));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static StoredChannelPost post(int id, long seq, long expiresAt) {
        return new StoredChannelPost(envelopeId(id), KEY, seq, 3, 1_000, expiresAt, "Тасқын " + id, 2_000, false);
    }

    @Test
    void channelsKeepTheirSecretsSealedAndNamesAndKeysUnique() throws Exception {
        assertThat(scalar(db, "PRAGMA user_version"))
                .isEqualTo(String.valueOf(new SchemaMigrator().latestVersion()));
        StoredChannel channel = new StoredChannel(KEY, "Алмалы", true, Optional.of(SECRET), Optional.of(SEED), 5);
        boolean added = db.write(t -> store.insert(t, channel));
        assertThat(added).isTrue();
        boolean sameKey = db.write(t -> store.insert(t, new StoredChannel(KEY, "other", false, Optional.empty(),
                Optional.empty(), 6)));
        assertThat(sameKey).as("same key").isFalse();
        boolean sameName = db.write(t -> store.insert(t, new StoredChannel(bytes32(0xC4, 9), "Алмалы", false,
                Optional.empty(), Optional.empty(), 6)));
        assertThat(sameName).as("same name").isFalse();
        StoredChannel read = db.read(t -> store.byName(t, "Алмалы")).orElseThrow();
        assertThat(read.secret()).hasValueSatisfying(s -> assertThat(s).isEqualTo(SECRET));
        assertThat(read.postingSeed()).hasValueSatisfying(s -> assertThat(s).isEqualTo(SEED));
        assertThat(scalar(db, "SELECT length(secret) FROM channels")).isEqualTo(String.valueOf(32
                + StorageCipher.OVERHEAD));

        ChannelStore otherKey = new ChannelStore(cipher(AgreementKeyPair.generate(RANDOM)));
        assertThatThrownBy(() -> db.read(otherKey::all)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPT));
    }

    @Test
    void aSequenceNumberIsTakenOnceAndExpiredPostsGo() throws Exception {
        db.write(t -> store.insert(t, new StoredChannel(KEY, "news", false, Optional.empty(), Optional.empty(), 5)));
        assertThat(insert(post(1, 10, 9_000))).isEqualTo(ChannelStore.PostInsert.ADDED);
        assertThat(insert(post(1, 10, 9_000)))
                .isEqualTo(ChannelStore.PostInsert.DUPLICATE);
        assertThat(insert(post(2, 10, 9_000)))
                .isEqualTo(ChannelStore.PostInsert.SEQUENCE_TAKEN);
        assertThat(insert(post(3, 11, 5_000))).isEqualTo(ChannelStore.PostInsert.ADDED);
        assertThat(scalar(db, "SELECT count(*) FROM channel_posts WHERE instr(body, 'Тасқын') > 0")).isEqualTo("0");
        long max = db.read(t -> store.maxSequence(t, KEY));
        assertThat(max).isEqualTo(11);
        int unread = db.read(t -> store.unreadCount(t, KEY, 4_000));
        assertThat(unread).isEqualTo(2);
        List<StoredChannelPost> live = db.read(t -> store.posts(t, KEY, 6_000, 10));
        assertThat(live).extracting(StoredChannelPost::text).containsExactly("Тасқын 1");
        int marked = db.write(t -> store.markRead(t, KEY));
        assertThat(marked).isEqualTo(2);
        boolean before = db.read(t -> store.hasExpiredPosts(t, 5_000));
        assertThat(before).isTrue();
        int expired = db.write(t -> store.deleteExpiredPosts(t, 5_000));
        assertThat(expired).isEqualTo(1);
        boolean after = db.read(t -> store.hasExpiredPosts(t, 5_000));
        assertThat(after).isFalse();
        boolean deleted = db.write(t -> store.delete(t, "news"));
        assertThat(deleted).isTrue();
        assertThat(scalar(db, "SELECT count(*) FROM channel_posts")).isEqualTo("0");
    }

    @Test
    void theWalkReturnsOnlyHeldChannelPostsInOrder() throws Exception {
        EnvelopeStore envelopes = new EnvelopeStore();
        for (int n = 1; n <= 4; n++) {
            byte[] bytes = new byte[200];
            bytes[0] = 1;
            bytes[1] = (byte) (n % 2 == 0 ? 3 : 1);
            EnvelopeId id = envelopeId(n);
            db.write(t -> envelopes.insert(t, new StoredEnvelope(id, bytes, 1_000, 9_000, 0, 1_000)));
        }
        List<ChannelStore.HeldEnvelope> all = db.read(t -> store.postEnvelopes(t, 0, 4, 2_000, 10));
        assertThat(all).extracting(ChannelStore.HeldEnvelope::id).containsExactly(envelopeId(2), envelopeId(4));
        List<ChannelStore.HeldEnvelope> after = db.read(t -> store.postEnvelopes(t, 2, 4, 2_000, 10));
        assertThat(after).hasSize(1);
        List<ChannelStore.HeldEnvelope> expired = db.read(t -> store.postEnvelopes(t, 0, 4, 9_000, 10));
        assertThat(expired).as("expired").isEmpty();
    }

    private ChannelStore.PostInsert insert(StoredChannelPost post) throws StoreException {
        return db.write(t -> store.insertPost(t, post));
    }

    private static FieldCipher cipher(AgreementKeyPair identity) {
        StorageCipher storage = StorageCipher.of(identity, RANDOM);
        return new FieldCipher() {
            @Override
            public byte[] seal(byte[] context, byte[] plaintext) {
                return storage.seal(context, plaintext);
            }

            @Override
            public byte[] open(byte[] context, byte[] sealed) throws GeneralSecurityException {
                return storage.open(context, sealed);
            }
        };
    }
}

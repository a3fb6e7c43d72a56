package org.habarshy.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.TextContent;
import org.habarshy.core.crypto.EnvelopeFormat;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.identity.IdentityKeys;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.MessageStore;
import org.habarshy.core.store.StoredEnvelope;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.wire.ContentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receive path on a real SQLite file, with executors that run tasks at once. */
class EnvelopeIngestTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final IdentityKeys alice = IdentityKeys.generate("Alice", random, NOW.toEpochMilli());
    private final IdentityKeys bob = IdentityKeys.generate("Bob", random, NOW.toEpochMilli());
    private final EnvelopeStore envelopes = new EnvelopeStore();
    private final MessageStore messages = new MessageStore();
    private final AtomicInteger announcements = new AtomicInteger();
    private Database db;
    private EnvelopeIngest ingest;

    @BeforeEach
    void openBobsStore() throws Exception {
        db = Database.open(dir.resolve("bob.db"));
        Outbox bobOutbox = new Outbox(new EnvelopeSealer(bob.signing(), bob.agreement(), random), envelopes,
                messages, clock);
        Inbox inbox = new Inbox(db, envelopes, messages, bobOutbox, DIRECT, DIRECT, announcements::incrementAndGet,
                clock);
        ingest = new EnvelopeIngest(db, envelopes, new EnvelopeOpener(bob.agreement()), inbox, DIRECT, DIRECT,
                announcements::incrementAndGet, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private byte[] sealFromAliceToBob(String text, long created, long expires) {
        Contact contactBob = new Contact("bob", bob.card(), NOW.toEpochMilli());
        EnvelopeSealer sealer = new EnvelopeSealer(alice.signing(), alice.agreement(), random);
        byte[] content = new ContentCodec().encode(new TextContent(text, created));
        return sealer.seal(contactBob.card().agreementKey(), content, created, expires);
    }

    private List<Message> allMessages() throws Exception {
        return db.read(t -> messages.list(t, Optional.empty()));
    }

    private long envelopeCount() throws Exception {
        return db.read(envelopes::count);
    }

    private Optional<StoredEnvelope> stored(EnvelopeId id) throws Exception {
        return db.read(t -> envelopes.find(t, id));
    }

    @Test
    void storesOpensAndAnswersAnEnvelopeForThisUser() throws Exception {
        long now = NOW.toEpochMilli();
        byte[] envelope = sealFromAliceToBob("Сәлем", now, now + Duration.ofDays(7).toMillis());
        Optional<EnvelopeId> id = ingest.receive(new EnvelopeRecord(envelope, 2), "test");

        assertThat(id).contains(EnvelopeFormat.idOf(envelope));
        assertThat(stored(id.get())).get().extracting(StoredEnvelope::hops).isEqualTo(3);
        List<Message> inbox = allMessages();
        assertThat(inbox).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Сәлем");
            assertThat(m.direction()).isEqualTo(Direction.INCOMING);
            assertThat(m.peer()).isEqualTo(alice.card().identityKey());
        });
        // The envelope itself and a delivery receipt sealed back to Alice are both offered on.
        assertThat(envelopeCount()).isEqualTo(2);
        assertThat(announcements.get()).isEqualTo(2);
    }

    @Test
    void aDuplicateIsAcknowledgedButNotStoredOrOpenedTwice() throws Exception {
        long now = NOW.toEpochMilli();
        byte[] envelope = sealFromAliceToBob("once", now, now + 60_000);
        ingest.receive(new EnvelopeRecord(envelope, 0), "a");
        long countAfterFirst = envelopeCount();
        assertThat(ingest.receive(new EnvelopeRecord(envelope, 0), "b")).contains(EnvelopeFormat.idOf(envelope));
        assertThat(envelopeCount()).isEqualTo(countAfterFirst);
        assertThat(allMessages()).hasSize(1);
    }

    @Test
    void carriesEnvelopesOfAnUnknownVersionWithoutOpeningThem() throws Exception {
        long now = NOW.toEpochMilli();
        byte[] envelope = sealFromAliceToBob("from the future", now, now + 60_000);
        envelope[0] = 2;
        Optional<EnvelopeId> id = ingest.receive(new EnvelopeRecord(envelope, 0), "test");
        assertThat(id).isPresent();
        assertThat(stored(id.get())).isPresent();
        assertThat(allMessages()).isEmpty();
        assertThat(ingest.offerableIds()).contains(id.get());
    }

    @Test
    void carriesEnvelopesForOthersSealed() throws Exception {
        long now = NOW.toEpochMilli();
        IdentityKeys carol = IdentityKeys.generate("Carol", random, now);
        byte[] content = new ContentCodec().encode(new TextContent("not for Bob", now));
        byte[] envelope = new EnvelopeSealer(alice.signing(), alice.agreement(), random)
                .seal(carol.agreement().publicKey(), content, now, now + 60_000);
        assertThat(ingest.receive(new EnvelopeRecord(envelope, 0), "test")).isPresent();
        assertThat(allMessages()).isEmpty();
        assertThat(ingest.load(EnvelopeFormat.idOf(envelope))).get()
                .satisfies(r -> assertThat(r.envelope()).isEqualTo(envelope));
    }

    @Test
    void rejectsExpiredFutureOverlongAndMalformedEnvelopes() throws Exception {
        long now = NOW.toEpochMilli();
        long day = Duration.ofDays(1).toMillis();
        byte[] expired = sealFromAliceToBob("old", now - 2 * day, now - day);
        byte[] future = sealFromAliceToBob("early", now + 2 * day, now + 3 * day);
        byte[] overlong = sealFromAliceToBob("forever", now, now + 31 * day);
        byte[] truncated = java.util.Arrays.copyOf(sealFromAliceToBob("cut", now, now + day), 40);

        for (byte[] bad : List.of(expired, future, overlong, truncated)) {
            assertThat(ingest.receive(new EnvelopeRecord(bad, 0), "test")).isEmpty();
        }
        assertThat(ingest.rejectedCount()).isEqualTo(4);
        assertThat(envelopeCount()).isZero();
        assertThat(announcements.get()).isZero();
    }
}

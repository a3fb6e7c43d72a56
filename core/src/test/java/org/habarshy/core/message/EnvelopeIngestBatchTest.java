package org.habarshy.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.identity.IdentityKeys;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.MessageStore;
import org.habarshy.core.store.PendingOpenStore;
import org.habarshy.core.sync.EnvelopeRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on a real SQLite file: envelopes received while earlier work waits on the store executor are
 * committed together by one flush, each with its pending-open row, and the rows of opened envelopes are cleared
 * by the next flush. The executors are queues the test runs by hand.
 */
class EnvelopeIngestBatchTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final IdentityKeys bob = IdentityKeys.generate("Bob", random, NOW.toEpochMilli());
    private final EnvelopeStore envelopes = new EnvelopeStore();
    private final PendingOpenStore pending = new PendingOpenStore();
    private final Queue<Runnable> storeQueue = new ArrayDeque<>();
    private final Queue<Runnable> cryptoQueue = new ArrayDeque<>();
    private final AtomicInteger announcements = new AtomicInteger();
    private Database db;
    private EnvelopeIngest ingest;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("bob.db"));
        Executor store = storeQueue::add;
        Executor crypto = cryptoQueue::add;
        MessageStore messages = new MessageStore();
        Outbox outbox = new Outbox(new EnvelopeSealer(bob.signing(), bob.agreement(), random), envelopes, messages,
                clock);
        Inbox inbox = new Inbox(db, envelopes, messages, outbox, crypto, store, announcements::incrementAndGet,
                clock);
        ingest = new EnvelopeIngest(db, envelopes, new EnvelopeOpener(bob.agreement()), inbox, crypto, store,
                announcements::incrementAndGet, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private byte[] foreign() {
        byte[] bytes = new byte[400];
        random.nextBytes(bytes);
        long now = clock.millis();
        ByteBuffer.wrap(bytes).put((byte) 1).put((byte) 1).putLong(now).putLong(now + 3_600_000);
        return bytes;
    }

    private int pendingCount() throws Exception {
        return db.read(t -> pending.pending(t, 100)).size();
    }

    private static void runAll(Queue<Runnable> queue) {
        for (Runnable task = queue.poll(); task != null; task = queue.poll()) {
            task.run();
        }
    }

    @Test
    void envelopesArrivingTogetherAreCommittedByOneFlush() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(ingest.receive(new EnvelopeRecord(foreign(), 0), "link")).isPresent();
        }
        assertThat(db.read(envelopes::count)).as("nothing is committed before the flush").isZero();
        assertThat(storeQueue).as("one flush task for the whole burst").hasSize(1);

        storeQueue.poll().run();
        assertThat(db.read(envelopes::count)).isEqualTo(10);
        assertThat(pendingCount()).isEqualTo(10);
        assertThat(announcements.get()).as("announced once").isEqualTo(1);
        assertThat(cryptoQueue).hasSize(10);

        // Trial-opening (none is for Bob) hands each result back; one more flush clears every pending row.
        runAll(cryptoQueue);
        assertThat(storeQueue).hasSize(10);
        runAll(storeQueue);
        assertThat(pendingCount()).isZero();
        assertThat(db.read(envelopes::count)).isEqualTo(10);
    }

    @Test
    void aFullBatchIsCommittedWithoutWaiting() throws Exception {
        for (int i = 0; i < EnvelopeIngest.MAX_BATCH; i++) {
            ingest.receive(new EnvelopeRecord(foreign(), 0), "link");
        }
        assertThat(db.read(envelopes::count)).isEqualTo(EnvelopeIngest.MAX_BATCH);
    }
}

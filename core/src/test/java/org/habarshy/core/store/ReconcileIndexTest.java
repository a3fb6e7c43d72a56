package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.core.store.StoreFixtures.envelopeId;
import static org.habarshy.core.store.StoreFixtures.message;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema 2: the reconciliation scan over the covering index, transfer summaries and carrier counts. */
class ReconcileIndexTest {
    @TempDir
    Path dir;

    private final EnvelopeStore envelopes = new EnvelopeStore();
    private final MessageStore messages = new MessageStore();
    private Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("reconcile.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private record Row(long createdAt, byte[] id, int hops) {
    }

    private List<Row> scan(long now, int maxHops) throws StoreException {
        List<Row> rows = new ArrayList<>();
        db.read(t -> envelopes.scanOfferable(t, now, maxHops, (c, id, h) -> rows.add(new Row(c, id, h))));
        return rows;
    }

    @Test
    void scanListsOfferableEnvelopesByCreationTimeThenIdAsUnsignedBytes() throws Exception {
        byte[] high = new byte[32];
        high[0] = (byte) 0xF0;
        byte[] low = new byte[32];
        low[0] = 0x10;
        db.write(t -> {
            envelopes.insert(t, new StoredEnvelope(new EnvelopeId(high), new byte[10], 500, 10_000, 1, 1));
            envelopes.insert(t, new StoredEnvelope(new EnvelopeId(low), new byte[10], 500, 10_000, 0, 2));
            envelopes.insert(t, new StoredEnvelope(envelopeId(1), new byte[10], 100, 10_000, 2, 3));
            envelopes.insert(t, new StoredEnvelope(envelopeId(2), new byte[10], 50, 5, 2, 4)); // expired
            envelopes.insert(t, new StoredEnvelope(envelopeId(3), new byte[10], 60, 10_000, 16, 5)); // hop limit
            envelopes.insert(t, new StoredEnvelope(envelopeId(4), new byte[10], -1, 10_000, 1, 6)); // bad time
            return null;
        });
        List<Row> rows = scan(1_000, 16);
        assertThat(rows).extracting(Row::createdAt).containsExactly(100L, 500L, 500L);
        assertThat(rows.get(0).id()).isEqualTo(envelopeId(1).bytes());
        assertThat(rows.get(1).id()).isEqualTo(low);
        assertThat(rows.get(2).id()).isEqualTo(high);
        assertThat(rows).extracting(Row::hops).containsExactly(2, 0, 1);
    }

    @Test
    void scanReadsOnlyTheCoveringIndexWithoutSorting() throws Exception {
        List<String> plan = new ArrayList<>();
        db.read(t -> {
            try (var ps = t.connection().prepareStatement("EXPLAIN QUERY PLAN SELECT created_at, id, hops"
                    + " FROM envelopes INDEXED BY envelopes_reconcile WHERE created_at >= 0 AND expires_at > 1"
                    + " AND hops < 16 ORDER BY created_at, id"); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            } catch (java.sql.SQLException e) {
                throw t.error(e);
            }
            return null;
        });
        assertThat(String.join("; ", plan)).contains("COVERING INDEX envelopes_reconcile")
                .doesNotContain("TEMP B-TREE");
    }

    @Test
    void summariesGiveSizeHopsAndExpiryOfStoredIdsOnly() throws Exception {
        db.write(t -> envelopes.insert(t, new StoredEnvelope(envelopeId(1), new byte[321], 5, 99, 3, 1)));
        List<EnvelopeSummary> found = db.read(t -> envelopes.summaries(t, List.of(envelopeId(1), envelopeId(2))));
        assertThat(found).containsExactly(new EnvelopeSummary(envelopeId(1), 321, 3, 99));
    }

    @Test
    void eachCarrierCountsOnceForOutgoingMessagesAndMovesQueuedToSent() throws Exception {
        db.write(t -> {
            messages.insert(t, message(1, Direction.OUTGOING, 9, 10, MessageState.QUEUED), 1);
            messages.insert(t, message(2, Direction.INCOMING, 9, 10, MessageState.DELIVERED), 2);
            messages.insert(t, message(3, Direction.OUTGOING, 9, 10, MessageState.DELIVERED), 3);
            return null;
        });
        List<EnvelopeId> ids = Arrays.asList(envelopeId(1), envelopeId(2), envelopeId(3), envelopeId(4));
        int first = db.write(t -> messages.addCarrier(t, ids));
        int second = db.write(t -> messages.addCarrier(t, List.of(envelopeId(1))));
        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(1);
        List<Message> all = db.read(t -> messages.list(t, java.util.Optional.empty()));
        assertThat(all).extracting(Message::carriedBy).containsExactly(2, 0, 1);
        assertThat(all).extracting(Message::state)
                .containsExactly(MessageState.SENT_TO_PEER, MessageState.DELIVERED, MessageState.DELIVERED);
    }
}

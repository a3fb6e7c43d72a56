package org.habarshy.core.sync;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.sync.reconcile.Item;
import org.habarshy.core.sync.reconcile.SortedItems;

/**
 * A working in-memory {@link SessionStorage} for session tests. A test envelope is
 * {@code id (32 bytes) || created_at (8 bytes) || padding}; envelopes keep their bytes as copies, as the
 * SQLite store does. Public for the transport tests.
 */
public final class InMemorySessionStorage implements SessionStorage {
    private record Held(byte[] bytes, int hops) {
    }

    private final Map<EnvelopeId, Held> held = new LinkedHashMap<>();
    /** Every id received from a peer, in order, repeats included. */
    final List<EnvelopeId> received = new ArrayList<>();
    /** Every id reported through {@link #peerHolds}, in order. */
    final List<EnvelopeId> reportedHeld = new ArrayList<>();
    int snapshots;

    /** Returns the bytes of test envelope {@code n} of {@code size} bytes (at least 40). */
    public static byte[] envelope(long n, int size) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(40, size));
        b.putLong(n * 0x9E3779B97F4A7C15L).putLong(n).putLong(~n).putLong(n ^ 0x5bd1e995L);
        b.putLong(1_700_000_000_000L + Math.floorMod(n * 7919, 1_000_000L));
        return b.array();
    }

    static EnvelopeId idOf(byte[] bytes) {
        return new EnvelopeId(Arrays.copyOf(bytes, 32));
    }

    static long createdAt(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 32, 8).getLong();
    }

    /** Stores test envelope {@code n}, written here (hops 0) or carried (hops 1); returns its id. */
    public EnvelopeId add(long n, int size, int hops) {
        byte[] bytes = envelope(n, size);
        held.putIfAbsent(idOf(bytes), new Held(bytes, hops));
        return idOf(bytes);
    }

    /** Stores carried test envelope {@code n} of 100 bytes. */
    public EnvelopeId add(long n) {
        return add(n, 100, 1);
    }

    public Set<EnvelopeId> ids() {
        return new HashSet<>(held.keySet());
    }

    @Override
    public List<EnvelopeId> offerableIds() {
        return new ArrayList<>(held.keySet());
    }

    @Override
    public ReconcileSnapshot reconcileSnapshot() {
        snapshots++;
        List<Item> items = new ArrayList<>();
        Set<EnvelopeId> own = new HashSet<>();
        held.forEach((id, h) -> {
            items.add(new Item(createdAt(h.bytes()), id));
            if (h.hops() == 0) {
                own.add(id);
            }
        });
        return new ReconcileSnapshot(SortedItems.of(items), own);
    }

    @Override
    public Set<EnvelopeId> absent(Collection<EnvelopeId> ids) {
        Set<EnvelopeId> out = new HashSet<>(ids);
        out.removeAll(held.keySet());
        return out;
    }

    @Override
    public List<TransferCandidate> describe(Collection<EnvelopeId> ids) {
        List<TransferCandidate> out = new ArrayList<>();
        for (EnvelopeId id : new HashSet<>(ids)) {
            Held h = held.get(id);
            if (h != null) {
                out.add(new TransferCandidate(id, h.bytes().length, h.hops()));
            }
        }
        return out;
    }

    @Override
    public Optional<EnvelopeRecord> load(EnvelopeId id) {
        return Optional.ofNullable(held.get(id)).map(h -> new EnvelopeRecord(h.bytes(), h.hops()));
    }

    @Override
    public Optional<EnvelopeId> receive(EnvelopeRecord envelope, String linkLabel) {
        byte[] bytes = envelope.envelope();
        EnvelopeId id = idOf(bytes);
        received.add(id);
        held.putIfAbsent(id, new Held(bytes, envelope.hops() + 1));
        return Optional.of(id);
    }

    @Override
    public void peerHolds(Collection<EnvelopeId> ids) {
        reportedHeld.addAll(ids);
    }
}

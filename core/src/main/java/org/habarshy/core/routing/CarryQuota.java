package org.habarshy.core.routing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.store.CarriedEnvelope;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.store.Transaction;

/**
 * Keeps the envelopes this node carries for others under {@link CarryLimits#quotaBytes()}, with fair shares
 * between origins (the link sessions that delivered them). Before an envelope is stored, {@link #admit} decides,
 * inside the same transaction, whether it fits and which envelopes make room for it:
 * <ol>
 *   <li>an origin never holds more than {@link CarryLimits#originQuotaBytes()};</li>
 *   <li>expired carried envelopes go first (soonest expired first);</li>
 *   <li>then live ones of the origin holding the most bytes, lowest priority first, then most hops, then oldest,
 *       but only while that origin holds more than the newcomer's origin would after storing it
 *       (max-min fairness: a large holder cannot grow at the expense of a smaller one);</li>
 *   <li>otherwise the new envelope is refused; when the bytes held above that level cannot cover the shortfall,
 *       it is refused before anything is deleted.</li>
 * </ol>
 * This user's own envelopes (hops 0) are outside the quota and never evicted; envelopes still waiting to be
 * opened are counted but not evicted. Usage per origin is kept in memory and updated as the transaction runs;
 * after a rolled-back transaction the caller {@link #reload reloads} it. Store executor only.
 */
public final class CarryQuota {
    private static final int BATCH = 64;

    private final CarryLimits limits;
    private final EnvelopeStore envelopes;
    private final FloodCounters counters;
    private final Map<String, Long> usage = new HashMap<>();
    private long used;

    /** Creates the quota; call {@link #reload} before the first {@link #admit}. */
    public CarryQuota(CarryLimits limits, EnvelopeStore envelopes, FloodCounters counters) {
        this.limits = limits;
        this.envelopes = envelopes;
        this.counters = counters;
    }

    /** Re-reads usage per origin from the store (at start, after housekeeping, after a failed transaction). */
    public void reload(Transaction t) throws StoreException {
        usage.clear();
        usage.putAll(envelopes.carriedBytesByOrigin(t));
        used = 0;
        for (long bytes : usage.values()) {
            used += bytes;
        }
    }

    /**
     * Makes room for a new envelope of {@code size} bytes from {@code origin}, evicting in the order above, and
     * counts it as stored; returns the reason if it must be refused instead (nothing is then deleted). The
     * caller stores the envelope in the same transaction, and must have checked that it is not a duplicate.
     */
    public Optional<Rejection> admit(Transaction t, String origin, long size, long now) throws StoreException {
        long mine = usage.getOrDefault(origin, 0L);
        if (mine + size > limits.originQuotaBytes()) {
            return Optional.of(Rejection.ORIGIN_QUOTA);
        }
        if (used + size > limits.quotaBytes()) {
            evictExpired(t, size, now);
        }
        if (used + size - limits.quotaBytes() > fairlyEvictable(mine + size)) {
            // Evicting down to the newcomer's level cannot make room: refuse without deleting anything.
            return Optional.of(Rejection.STORE_FULL);
        }
        Set<String> exhausted = new HashSet<>();
        while (used + size > limits.quotaBytes()) {
            Optional<String> victim = largestHolder(exhausted);
            if (victim.isEmpty() || usage.get(victim.get()) <= mine + size) {
                return Optional.of(Rejection.STORE_FULL);
            }
            List<CarriedEnvelope> batch = envelopes.evictable(t, victim.get(), BATCH);
            if (batch.isEmpty()) {
                exhausted.add(victim.get());
            }
            for (CarriedEnvelope c : batch) {
                if (used + size <= limits.quotaBytes() || usage.get(victim.get()) <= mine + size) {
                    break;
                }
                remove(t, c);
                counters.evict();
            }
        }
        usage.merge(origin, size, Long::sum);
        used += size;
        return Optional.empty();
    }

    /** Returns the bytes of carried envelopes now held (expired ones not yet deleted included). */
    public long usedBytes() {
        return used;
    }

    /** Returns the bytes {@code origin} holds. */
    public long usedBytes(String origin) {
        return usage.getOrDefault(origin, 0L);
    }

    /** Returns the limits this quota enforces. */
    public CarryLimits limits() {
        return limits;
    }

    private void evictExpired(Transaction t, long size, long now) throws StoreException {
        while (used + size > limits.quotaBytes()) {
            List<CarriedEnvelope> batch = envelopes.expiredCarried(t, now, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            for (CarriedEnvelope c : batch) {
                remove(t, c);
            }
        }
    }

    /** Returns how many bytes origins hold above {@code level}: what fair eviction may take at most. */
    private long fairlyEvictable(long level) {
        long bytes = 0;
        for (long held : usage.values()) {
            bytes += Math.max(0, held - level);
        }
        return bytes;
    }

    private Optional<String> largestHolder(Set<String> exhausted) {
        String best = null;
        long most = 0;
        for (Map.Entry<String, Long> e : usage.entrySet()) {
            if (!exhausted.contains(e.getKey()) && e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    private void remove(Transaction t, CarriedEnvelope c) throws StoreException {
        if (envelopes.delete(t, c.id())) {
            long left = usage.getOrDefault(c.origin(), 0L) - c.size();
            if (left > 0) {
                usage.put(c.origin(), left);
            } else {
                usage.remove(c.origin());
            }
            used -= c.size();
        }
    }
}

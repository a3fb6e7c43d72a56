package org.habarshy.core.sim;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.habarshy.core.routing.CopyBudget;
import org.habarshy.core.routing.ForwardingPolicy;
import org.habarshy.core.routing.Handover;
import org.habarshy.core.routing.PeerSignals;
import org.habarshy.core.sync.SyncLimits;

/**
 * Plays one contact schedule and workload under one forwarding policy. At each contact, in virtual-time order: both
 * nodes note the encounter; if the policy honours delivery notices they swap them and purge; each side decides per
 * carried envelope what to hand the other (only envelopes the other has not seen: what set reconciliation would
 * find); then, if either side offers anything, the two sync over {@link LocalSyncLink}. The whole run happens on
 * the link's event-loop thread (the caller only waits), so it is deterministic and needs no locks.
 */
final class PolicyRun {
    /** Most ids a delivery-notice record would carry, like an offer. */
    private static final int NOTICE_IDS_PER_RECORD = SyncLimits.MAX_IDS_PER_RECORD;
    /** Bytes per id in a notice record: protobuf tag and length, then 32 bytes. */
    private static final int NOTICE_BYTES_PER_ID = 34;
    /** Bytes per notice frame: length prefix, LinkFrame field header, cipher tag. */
    private static final int NOTICE_FRAME_BYTES = 4 + 4 + 16;
    /** The link cipher's tag per frame (left out of {@link LocalSyncLink}, counted here). */
    private static final int TAG_BYTES = 16;

    private final ForwardingPolicy policy;
    private final Workload workload;
    private final ContactSchedule schedule;
    private final SimConfig config;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    // The fields below are confined to the link's event loop once the run started.
    private SimNode[] nodes;
    private ContactLedger ledger;
    private LocalSyncLink link;
    private long emptyContactBytes;
    private long linkBytes;
    private long noticeBytes;
    private long synced;
    private int nextContact;
    private int created;
    private int firstLive;
    private long cpuNanos;

    PolicyRun(ForwardingPolicy policy, Workload workload, ContactSchedule schedule, SimConfig config) {
        this.policy = policy;
        this.workload = workload;
        this.schedule = schedule;
        this.config = config;
    }

    PolicyResult run() throws InterruptedException {
        long started = System.nanoTime();
        int m = workload.size();
        nodes = new SimNode[schedule.nodes()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new SimNode(i, m, config.encounterWindowMillis());
        }
        ledger = new ContactLedger(policy, workload, config.verifyOpen());
        try (LocalSyncLink opened = new LocalSyncLink()) {
            link = opened;
            emptyContactBytes = emptyContactBytes(link, nodes, ledger, workload);
            link.execute(this::advance);
            finished.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
        }
        long[] latencies = new long[ledger.delivered()];
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (ledger.deliveredAt(i) >= 0) {
                latencies[k++] = ledger.deliveredAt(i) - workload.message(i).createdAt();
            }
        }
        Arrays.sort(latencies);
        return new PolicyResult(policy.name(), m, ledger.delivered(), percentile(latencies, 50),
                percentile(latencies, 95), ledger.transfers(), ledger.custodyCopies(), linkBytes, noticeBytes,
                schedule.size(), synced, ledger.maxCarriers(), ledger.rejectedCount(), ledger.openFailures(),
                (System.nanoTime() - started) / 1_000_000, Math.max(0, cpuNanos) / 1_000_000);
    }

    /**
     * Plays contacts from {@link #nextContact} on, on the link's event loop, until one needs a sync; that sync's
     * completion calls this again. Completes {@link #finished} after the last contact.
     */
    private void advance() {
        try {
            int m = workload.size();
            CopyBudget initial = policy.initialBudget();
            while (nextContact < schedule.size()) {
                int c = nextContact++;
                long now = schedule.time(c);
                ledger.now(now);
                while (created < m && workload.message(created).createdAt() <= now) {
                    nodes[workload.message(created).source()].carry(created, initial.copies(), 0);
                    ledger.authored(created);
                    created++;
                }
                while (firstLive < created && workload.message(firstLive).expiresAt() <= now) {
                    firstLive++;
                }
                SimNode a = nodes[schedule.first(c)];
                SimNode b = nodes[schedule.second(c)];
                a.history.met(b.number, now);
                b.history.met(a.number, now);
                if (policy.purgesDelivered()) {
                    noticeBytes += swapNotices(a, b);
                }
                a.dropExpiredAndDelivered(firstLive, policy.purgesDelivered());
                b.dropExpiredAndDelivered(firstLive, policy.purgesDelivered());
                ContactSide sideA = new ContactSide(a, workload, ledger);
                ContactSide sideB = new ContactSide(b, workload, ledger);
                sideA.pairWith(sideB);
                sideB.pairWith(sideA);
                PeerSignals signalsA = a.history.signals(now);
                PeerSignals signalsB = b.history.signals(now);
                decideOffers(a, b, signalsA, signalsB, sideA, firstLive);
                decideOffers(b, a, signalsB, signalsA, sideB, firstLive);
                if (!sideA.offersAnything() && !sideB.offersAnything()) {
                    linkBytes += emptyContactBytes;
                    continue;
                }
                link.exchange(sideA, sideB, traffic -> {
                    linkBytes += traffic.bytes() + TAG_BYTES * traffic.frames();
                    synced++;
                    link.execute(this::advance);
                }, finished::completeExceptionally);
                return;
            }
            cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            finished.complete(null);
        } catch (RuntimeException e) {
            finished.completeExceptionally(e);
        }
    }

    /** Runs one real sync with nothing to offer on either side and returns its bytes (two OfferDone frames). */
    private static long emptyContactBytes(LocalSyncLink link, SimNode[] nodes, ContactLedger ledger,
                                          Workload workload) {
        ContactSide a = new ContactSide(nodes[0], workload, ledger);
        ContactSide b = new ContactSide(nodes[1], workload, ledger);
        a.pairWith(b);
        b.pairWith(a);
        LinkTraffic traffic = link.exchange(a, b);
        return traffic.bytes() + TAG_BYTES * traffic.frames();
    }

    private void decideOffers(SimNode from, SimNode to, PeerSignals fromSignals, PeerSignals toSignals,
                              ContactSide side, int firstLive) {
        // Word-wide set difference first: what the peer has not seen (what reconciliation would find).
        BitSet candidates = (BitSet) from.carried.clone();
        candidates.andNot(to.seen);
        if (policy.purgesDelivered()) {
            candidates.andNot(to.delivered);
        }
        for (int i = candidates.nextSetBit(firstLive); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (from.hops[i] >= SyncLimits.MAX_HOPS) {
                continue;
            }
            Handover handover = policy.handover(new CopyBudget(from.budget[i]), fromSignals, toSignals);
            if (handover.offered()) {
                side.offer(i, handover.copies());
            }
        }
    }

    /** Gives each side the delivery notices it lacks; returns the bytes that took. */
    static long swapNotices(SimNode a, SimNode b) {
        long bytes = noticeBytes(difference(b.delivered, a.delivered)) + noticeBytes(difference(a.delivered,
                b.delivered));
        a.delivered.or(b.delivered);
        b.delivered.or(a.delivered);
        return bytes;
    }

    private static int difference(BitSet from, BitSet minus) {
        BitSet d = (BitSet) from.clone();
        d.andNot(minus);
        return d.cardinality();
    }

    private static long noticeBytes(int ids) {
        if (ids == 0) {
            return 0;
        }
        long frames = (ids + NOTICE_IDS_PER_RECORD - 1) / NOTICE_IDS_PER_RECORD;
        return frames * NOTICE_FRAME_BYTES + (long) ids * NOTICE_BYTES_PER_ID;
    }

    /** Returns the nearest-rank percentile of sorted values, or 0 for none. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}

package org.habarshy.core.routing;

/**
 * Habarshy's policy ("ours"): a copy budget of L, split between holder and peer in proportion to how many distinct
 * peers each met recently, so copies drift towards people who move between neighbourhoods; a holder of the last
 * copy hands it over whole (and stops carrying it) to a peer that met at least {@link #FOCUS_FACTOR} times as many
 * peers, and otherwise offers it for delivery only; delivery notices (anti-packets) purge copies of delivered
 * envelopes and stop further offers. Every signal is destination-agnostic: carriers never learn the recipient.
 */
public final class CentralitySprayPolicy implements ForwardingPolicy {
    /** The policy's name. */
    public static final String NAME = "habarshy";

    /** How much busier a peer must be to take over a last copy. */
    public static final int FOCUS_FACTOR = 2;

    private final CopyBudget initial;

    /** Creates the policy with an initial budget of {@code copies} (at least 1). */
    public CentralitySprayPolicy(int copies) {
        this.initial = new CopyBudget(copies);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CopyBudget initialBudget() {
        return initial;
    }

    @Override
    public Handover handover(CopyBudget budget, PeerSignals self, PeerSignals peer) {
        if (!budget.canSplit()) {
            boolean muchBusier = peer.recentPeers() >= FOCUS_FACTOR * Math.max(1, self.recentPeers());
            return muchBusier ? Handover.copies(budget.copies()) : Handover.deliveryOnly();
        }
        // +1 so that a node that met nobody yet still gets a share.
        return Handover.copies(budget.weightedShare(self.recentPeers() + 1L, peer.recentPeers() + 1L));
    }

    @Override
    public boolean purgesDelivered() {
        return true;
    }
}

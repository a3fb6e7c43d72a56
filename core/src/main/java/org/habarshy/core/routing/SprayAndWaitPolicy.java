package org.habarshy.core.routing;

/**
 * Binary spray-and-wait (Spyropoulos et al., 2005): the author starts with L copies; a holder of more than one
 * hands half to a peer that has none; a holder of one waits. Because carriers cannot see the recipient, waiting
 * means offering the envelope for delivery only to every peer met, which then keeps it only if it can open it.
 * No delivery notices.
 */
public final class SprayAndWaitPolicy implements ForwardingPolicy {
    /** The policy's name. */
    public static final String NAME = "spray-and-wait";

    private final CopyBudget initial;

    /** Creates the policy with {@code copies} = L (at least 1). */
    public SprayAndWaitPolicy(int copies) {
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
        return budget.canSplit() ? Handover.copies(budget.binaryShare()) : Handover.deliveryOnly();
    }

    @Override
    public boolean purgesDelivered() {
        return false;
    }
}

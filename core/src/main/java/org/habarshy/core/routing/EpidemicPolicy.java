package org.habarshy.core.routing;

/** Plain epidemic flooding: every envelope to every peer that lacks it, every receiver a full carrier. */
public final class EpidemicPolicy implements ForwardingPolicy {
    /** The policy's name. */
    public static final String NAME = "epidemic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CopyBudget initialBudget() {
        return new CopyBudget(CopyBudget.UNLIMITED);
    }

    @Override
    public Handover handover(CopyBudget budget, PeerSignals self, PeerSignals peer) {
        return Handover.unlimited();
    }

    @Override
    public boolean purgesDelivered() {
        return false;
    }
}

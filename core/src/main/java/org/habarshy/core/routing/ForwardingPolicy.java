package org.habarshy.core.routing;

/**
 * Decides, for one envelope this node carries and one peer it meets, whether to offer the envelope and how many
 * copies to hand over. The node keeps the budget and applies the decision: it offers the envelope, then, once the
 * peer took it, keeps {@code budget.after(handover.copies())}, or stops carrying the envelope if the handover was
 * the whole budget (custody passed on). Implementations are stateless and thread-safe.
 */
public interface ForwardingPolicy {
    /** Returns a short stable name ({@code epidemic}, {@code spray-and-wait}, ...). */
    String name();

    /** Returns the budget the author's node starts an envelope with. */
    CopyBudget initialBudget();

    /** Returns what to do with an envelope held with {@code budget} when meeting a peer. */
    Handover handover(CopyBudget budget, PeerSignals self, PeerSignals peer);

    /**
     * Returns true if nodes following this policy honour delivery notices (anti-packets): they drop their copies
     * of an envelope known to be delivered, never accept it again, and pass the notice on.
     */
    boolean purgesDelivered();
}

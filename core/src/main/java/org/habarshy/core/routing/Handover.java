package org.habarshy.core.routing;

/**
 * What a policy decides for one envelope and one peer: not to offer it, to offer it for delivery only (the peer
 * opens it if it is the recipient and otherwise does not carry it), or to hand over a number of copies that the
 * peer then carries and may hand on.
 *
 * @param copies copies handed over: {@link #SKIP}, {@link #DELIVERY_ONLY}, a positive count, or
 *     {@link CopyBudget#UNLIMITED}
 */
public record Handover(int copies) {
    /** Do not offer the envelope to this peer. */
    public static final int SKIP = -1;
    /** Offer the envelope so that a recipient can open it, without handing over a copy to carry. */
    public static final int DELIVERY_ONLY = 0;

    private static final Handover SKIP_HANDOVER = new Handover(SKIP);
    private static final Handover DELIVERY_HANDOVER = new Handover(DELIVERY_ONLY);
    private static final Handover UNLIMITED_HANDOVER = new Handover(CopyBudget.UNLIMITED);

    /** Checks the count is {@link #SKIP} or not negative. */
    public Handover {
        if (copies < SKIP) {
            throw new IllegalArgumentException("copies: " + copies);
        }
    }

    /** Returns the decision not to offer. */
    public static Handover skip() {
        return SKIP_HANDOVER;
    }

    /** Returns the decision to offer for delivery only. */
    public static Handover deliveryOnly() {
        return DELIVERY_HANDOVER;
    }

    /** Returns the decision to hand over {@code copies} copies (at least 1). */
    public static Handover copies(int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1: " + copies);
        }
        return copies == CopyBudget.UNLIMITED ? UNLIMITED_HANDOVER : new Handover(copies);
    }

    /** Returns the decision to hand over an unlimited budget (flooding). */
    public static Handover unlimited() {
        return UNLIMITED_HANDOVER;
    }

    /** Returns true if the envelope is offered to the peer at all. */
    public boolean offered() {
        return copies != SKIP;
    }

    /** Returns true if the peer becomes a carrier. */
    public boolean handsOverCopies() {
        return copies > 0;
    }
}

package org.habarshy.core.routing;

/**
 * The number of copies of one envelope a node may still hand out, counting its own: a node holding a budget of 1
 * carries the last copy and hands out none. {@link #UNLIMITED} stands for flooding, where no budget applies.
 *
 * @param copies the copies held, at least 1, or {@link #UNLIMITED}
 */
public record CopyBudget(int copies) {
    /** A budget that never runs out. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** Checks the budget is at least 1. */
    public CopyBudget {
        if (copies < 1) {
            throw new IllegalArgumentException("a budget holds at least 1 copy: " + copies);
        }
    }

    /** Returns true for a flooding budget. */
    public boolean unlimited() {
        return copies == UNLIMITED;
    }

    /** Returns true if copies can be handed out and one kept. */
    public boolean canSplit() {
        return copies > 1;
    }

    /**
     * Returns how many copies binary spray-and-wait hands over: half, rounded down, so that the holder keeps the
     * larger half. Throws if the budget cannot be split.
     */
    public int binaryShare() {
        return weightedShare(1, 1);
    }

    /**
     * Returns the copies to hand to a peer of weight {@code peerWeight} when this holder has weight
     * {@code selfWeight}: {@code copies * peer / (self + peer)}, rounded to nearest, then kept within
     * 1..copies-1 so both sides end with at least one copy. Equal weights give {@link #binaryShare()}.
     */
    public int weightedShare(long selfWeight, long peerWeight) {
        if (!canSplit() || unlimited()) {
            throw new IllegalStateException("budget of " + copies + " cannot be split");
        }
        if (selfWeight < 0 || peerWeight < 0) {
            throw new IllegalArgumentException("weights must not be negative");
        }
        long total = selfWeight + peerWeight;
        long share = total == 0 ? copies / 2 : (2L * copies * peerWeight + total) / (2 * total);
        if (selfWeight == peerWeight) {
            share = copies / 2;
        }
        return (int) Math.max(1, Math.min(copies - 1, share));
    }

    /** Returns the budget left after handing over {@code given} copies; throws if none would be left. */
    public CopyBudget after(int given) {
        if (unlimited()) {
            return this;
        }
        if (given < 0 || given >= copies) {
            throw new IllegalArgumentException("cannot hand over " + given + " of " + copies + " copies");
        }
        return new CopyBudget(copies - given);
    }
}

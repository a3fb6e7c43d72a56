package org.habarshy.core.sync;

/**
 * Order in which a link sends envelopes: every envelope of a class goes before any of the next
 * class; within a class, smaller envelopes first, then first queued first. Carriers cannot see who an
 * envelope is for (no recipient tag), so the signals are only what this node knows about its own
 * copy: whether it wrote it, and whether it arrived while the link was up.
 */
public enum TransferPriority {
    /** Written by this node (its user's messages and the receipts it sends): {@code hops = 0}. */
    OWN,
    /** Stored while this link was up and announced live: new traffic must not wait behind a backlog. */
    LIVE,
    /** Everything else: carried traffic found by the initial reconciliation or offers. */
    CARRIED
}

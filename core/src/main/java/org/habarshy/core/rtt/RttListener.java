package org.habarshy.core.rtt;

import org.habarshy.core.api.identity.IdentityKey;

/** Told about real-time text, on a Netty event loop: return quickly and hand work to another thread. */
public interface RttListener {
    /** The contact's draft changed; empty when it was cleared, sent, or its link went away. */
    void draftChanged(IdentityKey contact, String draft);

    /** A direct link on which both sides have real-time text on for each other came up or went away. */
    void linkChanged(IdentityKey contact, boolean linked);
}

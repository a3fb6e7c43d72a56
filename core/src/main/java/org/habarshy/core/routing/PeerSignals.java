package org.habarshy.core.routing;

/**
 * What a node tells about itself when a link comes up, and what a policy may weigh: nothing about any envelope's
 * recipient. A peer can lie about these; a policy must stay safe when it does (a copy budget bounds what one
 * liar attracts).
 *
 * @param recentPeers distinct peers met within {@link EncounterHistory#window()}: a local degree centrality
 */
public record PeerSignals(int recentPeers) {
    /** Checks the count is not negative. */
    public PeerSignals {
        if (recentPeers < 0) {
            throw new IllegalArgumentException("recentPeers: " + recentPeers);
        }
    }
}

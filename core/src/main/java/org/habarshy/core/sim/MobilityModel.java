package org.habarshy.core.sim;

import java.util.SplittableRandom;

/**
 * Where people go: each node starts somewhere, walks along streets to a waypoint, pauses, and asks for the next
 * waypoint. Implementations are deterministic functions of their arguments and the random stream.
 */
public interface MobilityModel {
    /** Returns the short name used on the command line. */
    String name();

    /** Prepares per-node state (a home, a kind of person) for {@code nodes} nodes. */
    void assign(int nodes, SplittableRandom random);

    /** Returns where {@code node} starts. */
    Point start(int node, SplittableRandom random);

    /** Returns the next intersection {@code node} walks to from {@code from}. */
    Point nextWaypoint(int node, Point from, SplittableRandom random);
}

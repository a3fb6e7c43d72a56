package org.habarshy.core.sim;

import java.util.Locale;

/** The mobility scenarios the simulator offers. */
public enum Scenario {
    /** {@link RandomWaypointMobility}. */
    WAYPOINT,
    /** {@link NeighbourhoodMobility}. */
    NEIGHBOURHOOD;

    /** Returns the command-line name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the model for {@code config}. */
    MobilityModel model(SimConfig config) {
        return switch (this) {
            case WAYPOINT -> new RandomWaypointMobility(config.city());
            case NEIGHBOURHOOD -> new NeighbourhoodMobility(config.city(), config.travellerShare(),
                    config.visitChance());
        };
    }
}

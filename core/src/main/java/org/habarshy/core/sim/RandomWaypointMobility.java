package org.habarshy.core.sim;

import java.util.SplittableRandom;

/** Random waypoint on the street grid: every waypoint is a uniformly random intersection of the whole city. */
public final class RandomWaypointMobility implements MobilityModel {
    /** The name used on the command line. */
    public static final String NAME = "waypoint";

    private final CityGrid city;

    /** Creates the model for {@code city}. */
    public RandomWaypointMobility(CityGrid city) {
        this.city = city;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void assign(int nodes, SplittableRandom random) {
        // Everyone is alike.
    }

    @Override
    public Point start(int node, SplittableRandom random) {
        return city.randomIntersection(random);
    }

    @Override
    public Point nextWaypoint(int node, Point from, SplittableRandom random) {
        return city.randomIntersection(random);
    }
}

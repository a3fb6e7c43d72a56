package org.habarshy.core.sim;

import java.util.SplittableRandom;

/**
 * Community mobility: each person lives in one neighbourhood block and picks almost all waypoints there, so people
 * mostly meet their own block; a small share of travellers (couriers, drivers, students) pick waypoints anywhere,
 * and residents now and then visit another block.
 */
public final class NeighbourhoodMobility implements MobilityModel {
    /** The name used on the command line. */
    public static final String NAME = "neighbourhood";

    private final CityGrid city;
    private final double travellerShare;
    private final double visitChance;
    private int[] home = new int[0];
    private boolean[] traveller = new boolean[0];

    /**
     * Creates the model.
     *
     * @param travellerShare share of people who pick waypoints anywhere in the city, in [0, 1]
     * @param visitChance chance that a resident's next waypoint lies in another random block, in [0, 1]
     */
    public NeighbourhoodMobility(CityGrid city, double travellerShare, double visitChance) {
        if (!(travellerShare >= 0 && travellerShare <= 1) || !(visitChance >= 0 && visitChance <= 1)) {
            throw new IllegalArgumentException("shares must lie in [0, 1]");
        }
        this.city = city;
        this.travellerShare = travellerShare;
        this.visitChance = visitChance;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void assign(int nodes, SplittableRandom random) {
        home = new int[nodes];
        traveller = new boolean[nodes];
        for (int i = 0; i < nodes; i++) {
            home[i] = random.nextInt(city.blocks());
            traveller[i] = random.nextDouble() < travellerShare;
        }
    }

    @Override
    public Point start(int node, SplittableRandom random) {
        return city.randomIntersectionIn(home[node], random);
    }

    @Override
    public Point nextWaypoint(int node, Point from, SplittableRandom random) {
        if (traveller[node]) {
            return city.randomIntersection(random);
        }
        if (city.blockOf(from) != home[node]) {
            return city.randomIntersectionIn(home[node], random);
        }
        if (random.nextDouble() < visitChance) {
            return city.randomIntersectionIn(random.nextInt(city.blocks()), random);
        }
        return city.randomIntersectionIn(home[node], random);
    }

    /** Returns the home block of {@code node}. */
    public int homeOf(int node) {
        return home[node];
    }

    /** Returns true if {@code node} is a traveller. */
    public boolean isTraveller(int node) {
        return traveller[node];
    }
}

package org.habarshy.core.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Moves people along the streets of a {@link CityGrid} as a {@link MobilityModel} directs (x first, then y, at a
 * per-leg speed, pausing at each waypoint) and records a contact each time two of them come within range after
 * having been out of range. Deterministic for a seed.
 */
public final class ContactScheduleGenerator {
    private final CityGrid city;
    private final MobilityModel model;
    private final MovementParameters movement;

    /** Creates a generator. */
    public ContactScheduleGenerator(CityGrid city, MobilityModel model, MovementParameters movement) {
        this.city = city;
        this.model = model;
        this.movement = movement;
    }

    /** Returns the contacts of {@code nodes} people over {@code durationMillis} of virtual time. */
    public ContactSchedule generate(int nodes, long durationMillis, long seed) {
        return generate(nodes, durationMillis, seed, null);
    }

    /** Like {@link #generate(int, long, long)}, and shows every position at every step to {@code observer}. */
    public ContactSchedule generate(int nodes, long durationMillis, long seed, PositionObserver observer) {
        if (nodes < 2 || durationMillis <= 0) {
            throw new IllegalArgumentException("need at least 2 nodes and a positive duration");
        }
        SplittableRandom random = new SplittableRandom(seed);
        model.assign(nodes, random.split());
        Walkers walkers = new Walkers(nodes, random);
        List<long[]> contacts = new ArrayList<>();
        long[] inRange = new long[0];
        for (long now = 0; now < durationMillis; now += movement.stepMillis()) {
            for (int i = 0; observer != null && i < nodes; i++) {
                observer.at(now, i, walkers.position(i));
            }
            long[] current = walkers.pairsInRange();
            int k = 0;
            for (long pair : current) {
                while (k < inRange.length && inRange[k] < pair) {
                    k++;
                }
                if (k == inRange.length || inRange[k] != pair) {
                    contacts.add(new long[] {now, pair / nodes, pair % nodes});
                }
            }
            inRange = current;
            walkers.advance(now, movement.stepMillis());
        }
        long[] times = new long[contacts.size()];
        int[] firsts = new int[contacts.size()];
        int[] seconds = new int[contacts.size()];
        for (int i = 0; i < times.length; i++) {
            long[] c = contacts.get(i);
            times[i] = c[0];
            // Alternate which side opens the link so neither role is tied to the lower number.
            boolean swap = ((c[1] + c[2] + i) & 1) == 1;
            firsts[i] = (int) (swap ? c[2] : c[1]);
            seconds[i] = (int) (swap ? c[1] : c[2]);
        }
        return new ContactSchedule(nodes, times, firsts, seconds);
    }

    /** Sees where each person is at each step; for tests and visualisations. */
    @FunctionalInterface
    public interface PositionObserver {
        /** Called with the position of {@code node} at virtual time {@code now}. */
        void at(long now, int node, Point position);
    }

    /** Positions and targets of every person. */
    private final class Walkers {
        private final int n;
        private final SplittableRandom random;
        private final double[] x;
        private final double[] y;
        private final double[] targetX;
        private final double[] targetY;
        private final double[] speed;
        private final long[] pausedUntil;
        private final double cell;
        private final int cellsX;
        private final int cellsY;

        Walkers(int n, SplittableRandom random) {
            this.n = n;
            this.random = random;
            x = new double[n];
            y = new double[n];
            targetX = new double[n];
            targetY = new double[n];
            speed = new double[n];
            pausedUntil = new long[n];
            cell = movement.rangeMeters();
            cellsX = (int) (city.width() / cell) + 1;
            cellsY = (int) (city.height() / cell) + 1;
            for (int i = 0; i < n; i++) {
                Point p = model.start(i, random);
                x[i] = p.x();
                y[i] = p.y();
                pausedUntil[i] = (long) (random.nextDouble() * movement.maxPauseMillis());
                pickTarget(i);
            }
        }

        private void pickTarget(int i) {
            Point next = model.nextWaypoint(i, new Point(x[i], y[i]), random);
            targetX[i] = next.x();
            targetY[i] = next.y();
            speed[i] = movement.minSpeed() + random.nextDouble() * (movement.maxSpeed() - movement.minSpeed());
        }

        void advance(long now, long step) {
            long end = now + step;
            for (int i = 0; i < n; i++) {
                if (pausedUntil[i] >= end) {
                    continue;
                }
                double budget = speed[i] * (end - Math.max(now, pausedUntil[i])) / 1000.0;
                double dx = targetX[i] - x[i];
                double moveX = Math.copySign(Math.min(Math.abs(dx), budget), dx);
                x[i] += moveX;
                budget -= Math.abs(moveX);
                double dy = targetY[i] - y[i];
                double moveY = Math.copySign(Math.min(Math.abs(dy), budget), dy);
                y[i] += moveY;
                if (x[i] == targetX[i] && y[i] == targetY[i]) {
                    pausedUntil[i] = end + (long) (random.nextDouble() * movement.maxPauseMillis());
                    pickTarget(i);
                }
            }
        }

        /** Returns the in-range pairs as {@code i * n + j} (i &lt; j), sorted. */
        long[] pairsInRange() {
            int cells = cellsX * cellsY;
            int[] start = new int[cells + 1];
            int[] cellOf = new int[n];
            for (int i = 0; i < n; i++) {
                int cx = Math.min(cellsX - 1, (int) (x[i] / cell));
                int cy = Math.min(cellsY - 1, (int) (y[i] / cell));
                cellOf[i] = cy * cellsX + cx;
                start[cellOf[i] + 1]++;
            }
            for (int c = 0; c < cells; c++) {
                start[c + 1] += start[c];
            }
            int[] members = new int[n];
            int[] fill = Arrays.copyOf(start, cells);
            for (int i = 0; i < n; i++) {
                members[fill[cellOf[i]]++] = i;
            }
            double range2 = movement.rangeMeters() * movement.rangeMeters();
            long[] pairs = new long[64];
            int count = 0;
            for (int i = 0; i < n; i++) {
                int cx = cellOf[i] % cellsX;
                int cy = cellOf[i] / cellsX;
                for (int ox = -1; ox <= 1; ox++) {
                    for (int oy = -1; oy <= 1; oy++) {
                        int nx = cx + ox;
                        int ny = cy + oy;
                        if (nx < 0 || ny < 0 || nx >= cellsX || ny >= cellsY) {
                            continue;
                        }
                        int c = ny * cellsX + nx;
                        for (int k = start[c]; k < start[c + 1]; k++) {
                            int j = members[k];
                            if (j > i) {
                                double ddx = x[i] - x[j];
                                double ddy = y[i] - y[j];
                                if (ddx * ddx + ddy * ddy <= range2) {
                                    if (count == pairs.length) {
                                        pairs = Arrays.copyOf(pairs, count * 2);
                                    }
                                    pairs[count++] = (long) i * n + j;
                                }
                            }
                        }
                    }
                }
            }
            long[] out = Arrays.copyOf(pairs, count);
            Arrays.sort(out);
            return out;
        }

        Point position(int i) {
            return new Point(x[i], y[i]);
        }
    }
}

package org.habarshy.core.sim;

import java.util.SplittableRandom;

/**
 * A rectangular city of streets on a square grid: people walk along streets between intersections. The city is
 * also cut into square neighbourhoods ("blocks" of several streets) for {@link NeighbourhoodMobility}.
 *
 * @param width east-west extent in metres
 * @param height north-south extent in metres
 * @param streetSpacing metres between parallel streets
 * @param blocksPerSide neighbourhoods along each side (the city has blocksPerSide² of them)
 */
public record CityGrid(double width, double height, double streetSpacing, int blocksPerSide) {
    /** Checks the grid has at least one street each way and one block. */
    public CityGrid {
        if (!(streetSpacing > 0) || width < streetSpacing || height < streetSpacing || blocksPerSide < 1) {
            throw new IllegalArgumentException("invalid city grid");
        }
    }

    /** Returns the number of neighbourhoods. */
    public int blocks() {
        return blocksPerSide * blocksPerSide;
    }

    /** Returns the neighbourhood containing {@code p}. */
    public int blockOf(Point p) {
        int bx = (int) Math.min(blocksPerSide - 1, p.x() * blocksPerSide / width);
        int by = (int) Math.min(blocksPerSide - 1, p.y() * blocksPerSide / height);
        return by * blocksPerSide + bx;
    }

    /** Returns a random intersection anywhere in the city. */
    public Point randomIntersection(SplittableRandom random) {
        return new Point(street(random, 0, width, width), street(random, 0, height, height));
    }

    /** Returns a random intersection inside neighbourhood {@code block}. */
    public Point randomIntersectionIn(int block, SplittableRandom random) {
        if (block < 0 || block >= blocks()) {
            throw new IllegalArgumentException("block: " + block);
        }
        double bw = width / blocksPerSide;
        double bh = height / blocksPerSide;
        int bx = block % blocksPerSide;
        int by = block / blocksPerSide;
        return new Point(street(random, bx * bw, (bx + 1) * bw, width),
                street(random, by * bh, (by + 1) * bh, height));
    }

    /** Returns true if {@code p} lies inside the city. */
    public boolean contains(Point p) {
        return p.x() >= 0 && p.x() <= width && p.y() >= 0 && p.y() <= height;
    }

    /** Returns a random street coordinate within [from, to) (to included at the city's edge {@code extent}). */
    private double street(SplittableRandom random, double from, double to, double extent) {
        long maxStreet = (long) Math.floor(extent / streetSpacing);
        long first = Math.min(maxStreet, (long) Math.ceil(from / streetSpacing));
        long last = to >= extent ? maxStreet : (long) Math.ceil(to / streetSpacing) - 1;
        if (last < first) {
            last = first;
        }
        return (first + random.nextLong(last - first + 1)) * streetSpacing;
    }
}

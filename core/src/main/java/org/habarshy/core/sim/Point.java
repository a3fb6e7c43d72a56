package org.habarshy.core.sim;

/** A position in the city, in metres from its south-west corner. */
public record Point(double x, double y) {
}

package org.habarshy.core.sim;

/**
 * How people move and when they are in contact.
 *
 * @param minSpeed slowest walking speed, metres per second
 * @param maxSpeed fastest walking speed, metres per second
 * @param maxPauseMillis longest pause at a waypoint (uniform from 0)
 * @param stepMillis virtual time between two position updates
 * @param rangeMeters distance at which two people's devices link (Wi-Fi Direct / Bluetooth scale)
 */
public record MovementParameters(double minSpeed, double maxSpeed, long maxPauseMillis, long stepMillis,
                                 double rangeMeters) {
    /** Walking pace, pauses up to 30 minutes, 30-second steps, 30-metre range. */
    public static final MovementParameters DEFAULT = new MovementParameters(0.8, 1.6, 30 * 60_000L, 30_000L, 30.0);

    /** Checks the values are positive and ordered. */
    public MovementParameters {
        if (!(minSpeed > 0) || maxSpeed < minSpeed || maxPauseMillis < 0 || stepMillis <= 0 || !(rangeMeters > 0)) {
            throw new IllegalArgumentException("invalid movement parameters");
        }
    }
}

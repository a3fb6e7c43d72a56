package org.habarshy.core.node;

import java.util.Map;

/**
 * What the node carries for others against its quota, and what it refused or evicted since it started.
 *
 * @param quotaBytes the carry quota
 * @param usedBytes bytes of envelopes received from peers now held
 * @param evicted envelopes deleted to make room
 * @param throttled times a link was paused by its rate limit
 * @param rejected envelopes refused from peers, by reason label ({@code org.habarshy.core.routing.Rejection})
 */
public record CarryStatus(long quotaBytes, long usedBytes, long evicted, long throttled, Map<String, Long> rejected) {
    /** No quota information (a status file written by an older version). */
    public static final CarryStatus UNKNOWN = new CarryStatus(0, 0, 0, 0, Map.of());

    /** Copies the map. */
    public CarryStatus {
        rejected = Map.copyOf(rejected);
    }
}

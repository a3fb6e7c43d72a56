package org.habarshy.core.sim;

import java.util.List;

/**
 * The results of one simulation.
 *
 * @param config what was simulated
 * @param contacts contacts in the schedule
 * @param envelopeBytes total size of all sealed envelopes
 * @param setupMillis wall time to build the schedule and seal the envelopes
 * @param results one result per policy, in the order asked
 * @param wallMillis wall time of the whole simulation
 * @param cpuMillis CPU time of the whole process while it ran the simulation (all threads)
 */
public record SimReport(SimConfig config, int contacts, long envelopeBytes, long setupMillis,
                        List<PolicyResult> results, long wallMillis, long cpuMillis) {
    /** Copies the list. */
    public SimReport {
        results = List.copyOf(results);
    }
}

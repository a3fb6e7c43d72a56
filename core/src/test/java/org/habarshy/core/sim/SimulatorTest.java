package org.habarshy.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.habarshy.core.routing.CentralitySprayPolicy;
import org.habarshy.core.routing.EpidemicPolicy;
import org.habarshy.core.routing.SprayAndWaitPolicy;
import org.junit.jupiter.api.Test;

/** End-to-end: small cities, real sealed envelopes, real sync sessions over LocalChannel. */
class SimulatorTest {
    private static final long HOUR = 3_600_000L;
    private static final int SPRAY_COPIES = 4;

    private static SimConfig small(Scenario scenario, long seed) {
        return SimConfig.defaults(30, 50, scenario, seed)
                .withCity(new CityGrid(600, 600, 100, 2), MovementParameters.DEFAULT)
                .withTimes(12 * HOUR, 2 * HOUR, 10 * HOUR)
                .withPolicies(SimConfig.POLICIES, SPRAY_COPIES, 8)
                .withChecks(true, 2);
    }

    @Test
    void epidemicDeliversEveryMessageAndRecipientsOpenThem() throws Exception {
        for (Scenario scenario : Scenario.values()) {
            SimReport report = new Simulator(small(scenario, 5).withPolicies(List.of(EpidemicPolicy.NAME), 4, 8))
                    .run();
            PolicyResult epidemic = report.results().get(0);
            assertThat(report.contacts()).as(scenario.label()).isGreaterThan(500);
            assertThat(epidemic.delivered()).as(scenario.label()).isEqualTo(50);
            assertThat(epidemic.openFailures()).isZero();
            assertThat(epidemic.rejected()).isZero();
            // Flooding: every node but the author ends up with each message once.
            assertThat(epidemic.transfers()).isEqualTo(50L * 29);
            assertThat(epidemic.linkBytes()).isGreaterThan(50L * 29 * EnvelopeSizes.MIN);
        }
    }

    @Test
    void sprayAndWaitNeverHasMoreThanLCarriers() throws Exception {
        SimReport report = new Simulator(small(Scenario.NEIGHBOURHOOD, 9)).run();
        PolicyResult spray = find(report, SprayAndWaitPolicy.NAME);
        PolicyResult ours = find(report, CentralitySprayPolicy.NAME);
        assertThat(spray.maxCarriers()).isBetween(2, SPRAY_COPIES);
        assertThat(spray.custodyCopies()).isLessThanOrEqualTo(50L * (SPRAY_COPIES - 1));
        // Ours hands out at most its budget minus the author's copy, plus whole-budget custody passes.
        assertThat(ours.custodyCopies()).isLessThan(spray.transfers());
        assertThat(spray.delivered()).isPositive();
        assertThat(ours.delivered()).isPositive();
        assertThat(ours.noticeBytes()).isPositive();
    }

    @Test
    void theSameSeedGivesIdenticalResults() throws Exception {
        SimReport first = new Simulator(small(Scenario.WAYPOINT, 21)).run();
        SimReport again = new Simulator(small(Scenario.WAYPOINT, 21)).run();
        assertThat(first.contacts()).isEqualTo(again.contacts());
        assertThat(first.envelopeBytes()).isEqualTo(again.envelopeBytes());
        assertThat(withoutWallTime(first)).isEqualTo(withoutWallTime(again));
        SimReport other = new Simulator(small(Scenario.WAYPOINT, 22)).run();
        assertThat(withoutWallTime(other)).isNotEqualTo(withoutWallTime(first));
    }

    private static List<PolicyResult> withoutWallTime(SimReport report) {
        return report.results().stream().map(r -> new PolicyResult(r.policy(), r.messages(), r.delivered(),
                r.medianLatencyMillis(), r.p95LatencyMillis(), r.transfers(), r.custodyCopies(), r.linkBytes(),
                r.noticeBytes(), r.contacts(), r.syncedContacts(), r.maxCarriers(), r.rejected(), r.openFailures(),
                0, 0)).toList();
    }

    private static PolicyResult find(SimReport report, String policy) {
        return report.results().stream().filter(r -> r.policy().equals(policy)).findFirst().orElseThrow();
    }

    /** Envelope size bounds from the format. */
    private static final class EnvelopeSizes {
        static final int MIN = org.habarshy.core.crypto.EnvelopeFormat.MIN_BYTES;
    }
}

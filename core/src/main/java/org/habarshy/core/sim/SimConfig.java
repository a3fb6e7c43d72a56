package org.habarshy.core.sim;

import java.util.List;
import java.util.Set;
import org.habarshy.core.routing.CentralitySprayPolicy;
import org.habarshy.core.routing.EpidemicPolicy;
import org.habarshy.core.routing.ForwardingPolicy;
import org.habarshy.core.routing.SprayAndWaitPolicy;

/**
 * Everything one simulation depends on; the same config and seed give the same results.
 *
 * @param nodes people in the city (at least 2)
 * @param messages messages to create (at least 0)
 * @param scenario how people move
 * @param durationMillis virtual time simulated
 * @param messageWindowMillis messages are created uniformly in [0, window)
 * @param ttlMillis envelope lifetime after creation
 * @param seed seed of every random choice
 * @param city the street grid
 * @param movement speeds, pauses, step and radio range
 * @param travellerShare share of travellers in the neighbourhood scenario
 * @param visitChance chance a resident's waypoint lies in another block, neighbourhood scenario
 * @param policies names of the policies to compare ({@link #POLICIES})
 * @param sprayCopies L of spray-and-wait
 * @param oursCopies initial budget of Habarshy's policy
 * @param encounterWindowMillis window of the encounter history that gives a node's centrality
 * @param verifyOpen whether recipients trial-decrypt each delivered envelope (slower; a check of the envelopes)
 * @param parallelism policy runs at once (each uses two threads)
 */
public record SimConfig(int nodes, int messages, Scenario scenario, long durationMillis, long messageWindowMillis,
                        long ttlMillis, long seed, CityGrid city, MovementParameters movement, double travellerShare,
                        double visitChance, List<String> policies, int sprayCopies, int oursCopies,
                        long encounterWindowMillis, boolean verifyOpen, int parallelism) {
    /** Policy names, in report order. */
    public static final List<String> POLICIES = List.of(EpidemicPolicy.NAME, SprayAndWaitPolicy.NAME,
            CentralitySprayPolicy.NAME);
    private static final long HOUR = 3_600_000L;

    /** Checks every value. */
    public SimConfig {
        policies = List.copyOf(policies);
        if (nodes < 2 || messages < 0 || durationMillis <= 0 || messageWindowMillis <= 0
                || messageWindowMillis > durationMillis || ttlMillis <= 0 || sprayCopies < 1 || oursCopies < 1
                || encounterWindowMillis <= 0 || parallelism < 1) {
            throw new IllegalArgumentException("invalid simulation parameters");
        }
        if (policies.isEmpty() || !Set.copyOf(POLICIES).containsAll(policies)
                || Set.copyOf(policies).size() != policies.size()) {
            throw new IllegalArgumentException("policies must be distinct names among " + POLICIES);
        }
    }

    /**
     * Returns the defaults for a city of {@code nodes} people and {@code messages} messages: a 5 km × 5 km grid of
     * streets 100 m apart cut into 5 × 5 neighbourhoods, 24 h simulated, messages over the first 12 h, each living
     * 12 h; 5 % travellers, residents visiting another block on 5 % of their walks; L = 16 for spray-and-wait
     * and 128 for ours; all three policies.
     */
    public static SimConfig defaults(int nodes, int messages, Scenario scenario, long seed) {
        return new SimConfig(nodes, messages, scenario, 24 * HOUR, 12 * HOUR, 12 * HOUR, seed,
                new CityGrid(5000, 5000, 100, 5), MovementParameters.DEFAULT, 0.05, 0.05, POLICIES, 16, 128,
                6 * HOUR, false, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Returns a copy with other durations. */
    public SimConfig withTimes(long duration, long window, long ttl) {
        return new SimConfig(nodes, messages, scenario, duration, window, ttl, seed, city, movement, travellerShare,
                visitChance, policies, sprayCopies, oursCopies, encounterWindowMillis, verifyOpen, parallelism);
    }

    /** Returns a copy with other policies and budgets. */
    public SimConfig withPolicies(List<String> names, int spray, int ours) {
        return new SimConfig(nodes, messages, scenario, durationMillis, messageWindowMillis, ttlMillis, seed, city,
                movement, travellerShare, visitChance, names, spray, ours, encounterWindowMillis, verifyOpen,
                parallelism);
    }

    /** Returns a copy with another city and movement. */
    public SimConfig withCity(CityGrid grid, MovementParameters moves) {
        return new SimConfig(nodes, messages, scenario, durationMillis, messageWindowMillis, ttlMillis, seed, grid,
                moves, travellerShare, visitChance, policies, sprayCopies, oursCopies, encounterWindowMillis,
                verifyOpen, parallelism);
    }

    /** Returns a copy with trial decryption at delivery on or off and another parallelism. */
    public SimConfig withChecks(boolean open, int threads) {
        return new SimConfig(nodes, messages, scenario, durationMillis, messageWindowMillis, ttlMillis, seed, city,
                movement, travellerShare, visitChance, policies, sprayCopies, oursCopies, encounterWindowMillis, open,
                threads);
    }

    /** Returns the policy named {@code name}. */
    ForwardingPolicy policy(String name) {
        return switch (name) {
            case EpidemicPolicy.NAME -> new EpidemicPolicy();
            case SprayAndWaitPolicy.NAME -> new SprayAndWaitPolicy(sprayCopies);
            case CentralitySprayPolicy.NAME -> new CentralitySprayPolicy(oursCopies);
            default -> throw new IllegalArgumentException("unknown policy: " + name);
        };
    }
}

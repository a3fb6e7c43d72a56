package org.habarshy.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one simulation: builds the contact schedule from the scenario's mobility model, seals the workload once, then
 * plays both under each policy (several at once if {@link SimConfig#parallelism()} allows; every run is
 * independent and deterministic, so the order of execution does not change any result).
 */
public final class Simulator {
    private final SimConfig config;

    /** Creates a simulator for {@code config}. */
    public Simulator(SimConfig config) {
        this.config = config;
    }

    /** Returns the contact schedule of this configuration. */
    public ContactSchedule schedule() {
        return new ContactScheduleGenerator(config.city(), config.scenario().model(config), config.movement())
                .generate(config.nodes(), config.durationMillis(), config.seed());
    }

    /** Runs every policy and returns the report. */
    public SimReport run() throws InterruptedException {
        long started = System.nanoTime();
        long cpuBefore = processCpuMillis();
        ContactSchedule schedule = schedule();
        Workload workload = Workload.generate(config.nodes(), config.messages(), config.messageWindowMillis(),
                config.ttlMillis(), config.seed() ^ 0x5DEECE66DL);
        long setup = (System.nanoTime() - started) / 1_000_000;
        List<PolicyResult> results = new ArrayList<>();
        ExecutorService runs = Executors.newFixedThreadPool(Math.min(config.parallelism(), config.policies().size()),
                r -> {
                    Thread t = new Thread(r, "habarshy-sim-policy");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<PolicyResult>> pending = new ArrayList<>();
            for (String name : config.policies()) {
                pending.add(runs.submit(() -> new PolicyRun(config.policy(name), workload, schedule, config).run()));
            }
            for (Future<PolicyResult> f : pending) {
                results.add(f.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a policy run failed: " + e.getCause(), e.getCause());
        } finally {
            runs.shutdownNow();
        }
        return new SimReport(config, schedule.size(), workload.totalBytes(), setup, results,
                (System.nanoTime() - started) / 1_000_000, processCpuMillis() - cpuBefore);
    }

    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }
}

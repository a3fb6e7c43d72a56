package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code habarshy sim} as a real process: tiny parameters, JSON out, exit code 0; a bad option exits 2. */
class SimProcessTest {
    @RegisterExtension
    final ProcessTestBed bed = ProcessTestBed.processes();

    @Test
    void simulatesATinyCityAndPrintsJson(HabarshyProcesses habarshy) throws Exception {
        HabarshyProcesses.Result sim = habarshy.ok("sim", "--nodes", "10", "--messages", "5", "--duration", "2h",
                "--window", "30m", "--ttl", "90m", "--city", "300", "--blocks", "1", "--json");
        JsonObject report = JsonParser.parseString(sim.stdout()).getAsJsonObject();
        assertThat(report.get("nodes").getAsInt()).as(sim.describe()).isEqualTo(10);
        assertThat(report.getAsJsonArray("results")).as(sim.describe()).hasSize(3);
        assertThat(report.get("contacts").getAsInt()).as(sim.describe()).isPositive();
    }

    @Test
    void aBadOptionExitsWithUsageError(HabarshyProcesses habarshy) throws Exception {
        HabarshyProcesses.Result sim = habarshy.run("sim", "--nodes", "0");
        assertThat(sim.exitCode()).as(sim.describe()).isEqualTo(2);
        assertThat(sim.stderr()).as(sim.describe()).contains("--nodes must be 2..100000");
    }
}

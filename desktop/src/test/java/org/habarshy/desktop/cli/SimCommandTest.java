package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** {@code habarshy sim} in process: tiny cities, text and JSON output, and refusals of bad parameters. */
class SimCommandTest {
    private static final String[] TINY = {"sim", "--nodes", "12", "--messages", "8", "--duration", "3h",
        "--window", "1h", "--ttl", "2h", "--city", "400", "--blocks", "2", "--threads", "1"};

    private static CliRun run(String... args) {
        return CliRun.of(FakeTerminal.none(), args);
    }

    private static String[] tiny(String... more) {
        String[] all = java.util.Arrays.copyOf(TINY, TINY.length + more.length);
        System.arraycopy(more, 0, all, TINY.length, more.length);
        return all;
    }

    @Test
    void printsOneRowPerPolicy() {
        CliRun run = run(tiny("--seed", "3"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("12 nodes, 8 messages, scenario waypoint").contains("epidemic")
                .contains("spray-and-wait").contains("habarshy").contains("copies/del");
    }

    @Test
    void jsonHasTheMetricsOfEveryPolicyAndRepeatsForASeed() {
        CliRun first = run(tiny("--json", "--scenario", "neighbourhood", "--verify-open"));
        CliRun again = run(tiny("--json", "--scenario", "neighbourhood", "--verify-open"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonObject o = JsonParser.parseString(first.out()).getAsJsonObject();
        assertThat(o.get("scenario").getAsString()).isEqualTo("neighbourhood");
        JsonArray results = o.getAsJsonArray("results");
        assertThat(results).hasSize(3);
        for (var r : results) {
            JsonObject p = r.getAsJsonObject();
            assertThat(p.get("deliveryRatio").getAsDouble()).isBetween(0.0, 1.0);
            assertThat(p.has("medianLatencyMillis") && p.has("p95LatencyMillis") && p.has("copiesPerDelivered")
                    && p.has("bytesPerDelivered")).isTrue();
            assertThat(p.get("rejected").getAsLong()).isZero();
            assertThat(p.get("openFailures").getAsLong()).isZero();
        }
        JsonObject a = JsonParser.parseString(again.out()).getAsJsonObject();
        for (int i = 0; i < 3; i++) {
            JsonObject x = results.get(i).getAsJsonObject();
            JsonObject y = a.getAsJsonArray("results").get(i).getAsJsonObject();
            for (String timing : new String[] {"wallMillis", "cpuMillis"}) {
                x.remove(timing);
                y.remove(timing);
            }
            assertThat(y).isEqualTo(x);
        }
    }

    @Test
    void refusesBadParametersWithAClearMessage() {
        assertRefused(run("sim", "--nodes", "1"), "--nodes must be 2..100000");
        assertRefused(run("sim", "--scenario", "moon"), "unknown scenario 'moon'");
        assertRefused(run("sim", "--policies", "epidemic,magic"), "unknown policy 'magic'");
        assertRefused(run("sim", "--duration", "2h", "--window", "3h"), "--window must not be longer");
        assertRefused(run("sim", "--nodes", "100000", "--messages", "1000000"), "at most");
        assertRefused(run("sim", "--policies", "epidemic,epidemic"), "distinct");
        CliRun badDuration = run("sim", "--duration", "soon");
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.err()).contains("is not a duration");
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(UserMessages.USAGE);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
    }
}

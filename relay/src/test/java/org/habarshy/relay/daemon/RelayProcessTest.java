package org.habarshy.relay.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.testing.Await;
import org.habarshy.relay.cli.RelayCommand;
import org.habarshy.relay.status.RelayStatusFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The daemon as an operator runs it: its own JVM, a configuration file, {@code status}, then SIGTERM. */
class RelayProcessTest {
    @TempDir
    Path dir;

    private static String[] run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void runsReportsStatusAndStopsCleanlyOnSigterm() throws Exception {
        Path config = dir.resolve("relay.properties");
        Files.writeString(config, String.join("\n",
                "data.dir=data",
                "listen.bind=127.0.0.1",
                "listen.port=0",
                "status.interval.seconds=1",
                "federation.peers=nowhere",
                "federation.nowhere.address=127.0.0.1:9",
                "federation.nowhere.route=direct",
                "sms.test-bridge=on",
                ""));
        Path stderr = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process relay = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.habarshy.relay.Main", "run", "--config", config.toString())
                .redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            RelayStatusFile statusFile = new RelayStatusFile(dir.resolve("data"));
            Await.until("relay status written", Duration.ofSeconds(60),
                    () -> statusFile.read().map(s -> s.counters().getOrDefault("direct.attempts", 0L) >= 1)
                            .orElse(false));

            String[] json = run(RelayCommand.newCommandLine(), "status", "--config", config.toString(), "--json");
            assertThat(json[0]).isEqualTo("0");
            JsonObject status = JsonParser.parseString(json[1]).getAsJsonObject();
            assertThat(status.get("pid").getAsLong()).isEqualTo(relay.pid());
            assertThat(status.getAsJsonArray("federation").get(0).getAsJsonObject().get("name").getAsString())
                    .isEqualTo("nowhere");
            assertThat(status.getAsJsonObject("counters").get("direct.attempts").getAsLong()).isPositive();
            assertThat(status.getAsJsonArray("bridges").get(0).getAsString())
                    .as("a bridge found through META-INF/services runs (the SMS slot)").isEqualTo("test-bridge");
            String[] text = run(RelayCommand.newCommandLine(), "status", "--config", config.toString());
            assertThat(text[1]).contains("federation nowhere: down").contains("direct.attempts");

            relay.destroy(); // SIGTERM
            assertThat(relay.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(relay.exitValue()).isZero();
            assertThat(statusFile.read()).as("status file removed at a clean stop").isEmpty();
            String log = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(log).contains("relay running on port").contains("bridge test-bridge running")
                    .contains("test bridge closed").contains("relay stopped");
            assertThat(log).as("no peer addresses in logs").doesNotContain("127.0.0.1").doesNotContain(":9 ");
            assertThat(log).matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO .*");
        } finally {
            relay.destroyForcibly();
        }
        String[] after = run(RelayCommand.newCommandLine(), "status", "--config", config.toString(), "--json");
        assertThat(after[0]).isEqualTo("3");
        assertThat(after[1].strip()).isEqualTo("{\"running\":false}");
    }

    @Test
    void aBadConfigurationExitsWithStatus2AndSaysWhy() throws Exception {
        Path config = dir.resolve("bad.properties");
        Files.writeString(config, "listen.prot=1\n");
        String[] result = run(RelayCommand.newCommandLine(), "run", "--config", config.toString());
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("unknown key 'listen.prot'");
    }
}

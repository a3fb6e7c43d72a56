package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code habarshy send --via-sms} and {@code habarshy sms relay|bind|plain|history}. */
class SmsCommandsTest {
    private static final String RELAY_KEY = "11".repeat(32);

    @TempDir
    Path tmp;

    @Test
    void sendViaSmsQueuesACompactMessageOfAtMostTwoSms() {
        Path alice = init("alice", "Alice");
        ok("contact", "add", code(init("bob", "Bob")), "--alias", "bob", "--data", alice.toString());
        String text = "Сәлем! Интернет жоқ, бірақ SMS бар. Кешке үйде боламын, балалар аман, уайымдамаңдар.";
        CliRun sent = ok("send", "bob", "--via-sms", text, "--data", alice.toString());
        assertThat(sent.out()).containsPattern("queued [0-9a-f]{64} as a compact SMS message \\([0-9]+ bytes, [12] SMS\\)");
        assertThat(ok("messages", "--data", alice.toString()).out()).contains(text);

        ok("contact", "timer", "bob", "1h", "--data", alice.toString());
        CliRun refused = CliRun.of(FakeTerminal.none(), "send", "bob", "--via-sms", "x", "--data", alice.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("disappearing-message timer");
    }

    @Test
    void aPlainSmsNeedsTheUnencryptedFlagAndARelayAndIsRecordedAsUnencrypted() {
        Path alice = init("alice", "Alice");
        CliRun noFlag = CliRun.of(FakeTerminal.none(), "sms", "plain", "+77010000001", "Қайдасың?",
                "--data", alice.toString());
        assertThat(noFlag.exitCode()).isEqualTo(2);
        assertThat(noFlag.err()).contains("UNENCRYPTED").contains("--unencrypted");

        CliRun noRelay = CliRun.of(FakeTerminal.none(), "sms", "plain", "+77010000001", "Қайдасың?",
                "--unencrypted", "--data", alice.toString());
        assertThat(noRelay.exitCode()).isNotZero();
        assertThat(noRelay.err()).contains("no SMS relay is set");

        assertThat(ok("sms", "relay", "--data", alice.toString()).out()).contains("No SMS relay set.");
        assertThat(ok("sms", "relay", RELAY_KEY, "--data", alice.toString()).out()).contains(RELAY_KEY);
        CliRun badKey = CliRun.of(FakeTerminal.none(), "sms", "relay", "xyz", "--data", alice.toString());
        assertThat(badKey.exitCode()).isEqualTo(2);

        CliRun sent = ok("sms", "plain", "+7 701 000-00-01", "Қайдасың?", "--unencrypted", "--data",
                alice.toString());
        assertThat(sent.err()).contains("UNENCRYPTED: a plain SMS is NOT end-to-end encrypted");
        assertThat(sent.out()).contains("as an UNENCRYPTED plain SMS request");

        CliRun unbound = CliRun.of(FakeTerminal.none(), "sms", "plain", "editor", "Hi", "--unencrypted",
                "--data", alice.toString());
        assertThat(unbound.exitCode()).isEqualTo(2);
        assertThat(unbound.err()).contains("no number is bound to 'editor'");
        ok("sms", "bind", "editor", "+77010000002", "--data", alice.toString());
        CliRun badNumber = CliRun.of(FakeTerminal.none(), "sms", "bind", "x", "12345", "--data", alice.toString());
        assertThat(badNumber.exitCode()).isEqualTo(2);
        ok("sms", "plain", "editor", "Material is ready", "--unencrypted", "--data", alice.toString());

        assertThat(ok("sms", "history", "--data", alice.toString()).out().lines().toList())
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("UNENCRYPTED SMS to +7701000000"))
                .anySatisfy(line -> assertThat(line).endsWith("Қайдасың?"))
                .anySatisfy(line -> assertThat(line).contains("+77010000002").endsWith("Material is ready"));
    }

    private Path init(String dir, String name) {
        Path data = tmp.resolve(dir);
        ok("init", "--name", name, "--data", data.toString());
        return data;
    }

    private String code(Path data) {
        return ok("id", "--data", data.toString()).out().strip();
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(FakeTerminal.none(), args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }
}

package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.CarriedEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code habarshy channel ...} on real data directories; posts are handed over as a carrier's store would. */
class ChannelCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void createSubscribePostReadAndImportThePostingKey() throws Exception {
        Path alice = init("alice", "Alice");
        Path bob = init("bob", "Bob");
        CliRun created = ok("channel", "create", "Алмалы", "--private", "--data", alice.toString());
        String code = created.out().lines().filter(l -> l.startsWith("HC1")).findFirst().orElseThrow();
        assertThat(created.out()).contains("private channel 'Алмалы'");
        assertThat(created.err()).contains("posting key stays on this device");
        assertThat(ok("channel", "code", "Алмалы", "--data", alice.toString()).out().strip()).isEqualTo(code);

        assertThat(ok("channel", "subscribe", code, "--alias", "ауыл", "--data", bob.toString()).out())
                .contains("Following private channel 'ауыл'");
        assertThat(ok("channel", "post", "Алмалы", "--severity", "urgent", "Көпір жабық!", "--data",
                alice.toString()).out()).startsWith("posted [URGENT!]");
        ok("channel", "post", "Алмалы", "Су бар", "--data", alice.toString());
        handOver(alice, bob);

        assertThat(ok("channel", "list", "--data", bob.toString()).out())
                .contains("ауыл\tprivate\tread only\t2 unread");
        CliRun read = ok("channel", "read", "ауыл", "--data", bob.toString());
        assertThat(read.out()).contains("[URGENT!] * Көпір жабық!").contains("[info]    * Су бар");
        assertThat(ok("channel", "list", "--data", bob.toString()).out()).contains("0 unread");

        CliRun refused = CliRun.of(FakeTerminal.none(), "channel", "post", "ауыл", "mine", "--data", bob.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("does not hold the posting key");

        CliRun exported = ok("channel", "export-posting-key", "Алмалы", "--data", alice.toString());
        assertThat(exported.err()).contains("WARNING");
        Path keyFile = tmp.resolve("key.txt");
        Files.writeString(keyFile, exported.out());
        assertThat(ok("channel", "import-posting-key", "--file", keyFile.toString(), "--data", bob.toString()).out())
                .contains("You can now post to 'ауыл'");
        ok("channel", "post", "ауыл", "--severity", "warning", "From Bob", "--data", bob.toString());
        assertThat(ok("channel", "read", "ауыл", "--data", bob.toString()).out()).contains("[WARNING]   From Bob");

        assertThat(ok("channel", "unsubscribe", "ауыл", "--data", bob.toString()).out()).contains("No longer");
        assertThat(ok("channel", "list", "--data", bob.toString()).out()).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAReason() {
        Path alice = init("alice", "Alice");
        ok("channel", "create", "news", "--data", alice.toString());
        CliRun typo = CliRun.of(FakeTerminal.none(), "channel", "subscribe", "HC1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                + "AAAAAAAAAAAAAAAAAAAA", "--data", alice.toString());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("channel code");
        CliRun severity = CliRun.of(FakeTerminal.none(), "channel", "post", "news", "--severity", "panic", "x",
                "--data", alice.toString());
        assertThat(severity.exitCode()).isEqualTo(2);
        assertThat(severity.err()).contains("info, warning or urgent");
        CliRun unknown = CliRun.of(FakeTerminal.none(), "channel", "read", "nope", "--data", alice.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no channel named \"nope\"");
        CliRun taken = CliRun.of(FakeTerminal.none(), "channel", "create", "news", "--data", alice.toString());
        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.err()).contains("exists already");
    }

    private static void handOver(Path from, Path to) throws Exception {
        try (Account a = Account.open(from, Clock.systemUTC()); Account b = Account.open(to, Clock.systemUTC())) {
            for (CarriedEnvelope e : a.carriedAfter(0, 100)) {
                b.carry(e.bytes());
            }
        }
    }

    private Path init(String dir, String name) {
        Path data = tmp.resolve(dir);
        ok("init", "--name", name, "--data", data.toString());
        return data;
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(FakeTerminal.none(), args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }
}

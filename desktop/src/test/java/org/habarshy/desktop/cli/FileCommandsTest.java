package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code habarshy send-file}, {@code files}, {@code files save}, {@code report} and {@code reports}, with the
 * envelopes carried by two real nodes on loopback between the commands.
 */
class FileCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void aFileWithAHostileNameIsSentListedAndSavedSafely() throws Exception {
        Path alice = init("alice", "Alice");
        Path bob = init("bob", "Bob");
        ok("contact", "add", code(bob), "--alias", "bob", "--data", alice.toString());
        ok("contact", "add", code(alice), "--alias", "alice", "--data", bob.toString());
        Path hostile = Files.writeString(tmp.resolve(".evil\nname\u202E.txt"), "Сәлем! ".repeat(50_000));

        CliRun sent = ok("send-file", "bob", hostile.toString(), "--data", alice.toString());
        assertThat(sent.out()).contains("queued").contains("me -> bob").contains("evil_name_.txt")
                .contains("queued, delivered 0/");
        CliRun directory = CliRun.of(FakeTerminal.none(), "send-file", "bob", tmp.toString(), "--data", alice.toString());
        assertThat(directory.exitCode()).isEqualTo(1);
        assertThat(directory.err()).contains("not a readable file");

        exchange(alice, bob, () -> ok("files", "--data", bob.toString()).out().contains("complete")
                && ok("files", "--json", "--data", alice.toString()).out().contains("\"delivery\":\"delivered\""));
        String listed = ok("files", "--with", "alice", "--data", bob.toString()).out();
        assertThat(listed).contains("alice -> me").contains("evil_name_.txt").contains("[complete]");
        String id = listed.strip().split("\\s+")[0];

        Path out = Files.createDirectory(tmp.resolve("out"));
        CliRun saved = ok("files", "save", id, "--to", out.toString(), "--data", bob.toString());
        Path written = out.resolve("evil_name_.txt");
        assertThat(saved.out().strip()).isEqualTo("saved " + written);
        assertThat(Files.readAllBytes(written)).isEqualTo(Files.readAllBytes(hostile));
        CliRun again = ok("files", "save", id, "--to", out.toString(), "--data", bob.toString());
        assertThat(again.out()).contains("evil_name_ (2).txt");
        assertThat(Files.readAllBytes(written)).as("the first copy untouched").isEqualTo(Files.readAllBytes(hostile));

        CliRun unknown = CliRun.of(FakeTerminal.none(), "files", "save", "ffff", "--to", out.toString(),
                "--data", bob.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no file with id ffff");
        assertThat(ok("files", "--json", "--data", alice.toString()).out()).contains("\"direction\":\"out\"")
                .contains("\"delivery\":\"delivered\"");
    }

    @Test
    void aReportShowsHowFarEachPartHasTravelled() throws Exception {
        Path reporter = init("reporter", "Reporter");
        Path editor = init("editor", "Editor");
        ok("contact", "add", code(editor), "--alias", "editor", "--data", reporter.toString());
        ok("contact", "add", code(reporter), "--alias", "reporter", "--data", editor.toString());
        Path text = Files.writeString(tmp.resolve("text.txt"), "Жиын таңғы онда басталды.", StandardCharsets.UTF_8);
        Path photo = Files.write(tmp.resolve("crowd.jpg"), new byte[300_000]);

        CliRun sent = ok("report", "editor", "--title", "Алаңдағы жиын", "--text-file", text.toString(),
                "--file", photo.toString(), "--data", reporter.toString());
        assertThat(sent.out()).contains("to editor").contains("\"Алаңдағы жиын\"").contains("(1 file)")
                .contains("text: queued").contains("crowd.jpg");

        exchange(reporter, editor, () -> ok("reports", "--data", reporter.toString()).out()
                .contains("text: delivered") && ok("reports", "--data", reporter.toString()).out()
                .contains("delivered 3/3"));
        assertThat(ok("reports", "--data", editor.toString()).out()).contains("from reporter")
                .contains("\"Алаңдағы жиын\"").contains("crowd.jpg").contains("[complete]");
        assertThat(ok("reports", "--data", reporter.toString()).out()).contains("text: delivered")
                .contains("delivered 3/3");

        CliRun noTitle = CliRun.of(FakeTerminal.none(), "report", "editor", "--title", " ",
                "--data", reporter.toString());
        assertThat(noTitle.exitCode()).isEqualTo(2);
    }

    /** Runs both accounts' nodes on loopback until {@code done} holds. */
    private static void exchange(Path a, Path b, java.util.concurrent.Callable<Boolean> done) throws Exception {
        Clock clock = Clock.systemUTC();
        NodeConfig loopback = new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
        try (Account first = Account.open(a, clock); Account second = Account.open(b, clock);
             Node firstNode = Node.start(first, loopback); Node secondNode = Node.start(second, loopback)) {
            secondNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), firstNode.port()));
            Await.until("the exchange", Duration.ofSeconds(60), done::call);
        }
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

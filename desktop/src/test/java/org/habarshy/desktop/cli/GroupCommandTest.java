package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code habarshy group ...} on real data directories, with two real nodes on loopback between the commands. */
class GroupCommandTest {
    @TempDir
    Path tmp;

    @Test
    void createSendSyncAndRemoveThroughTheCommandLine() throws Exception {
        Path alice = init("alice", "Alice");
        Path bob = init("bob", "Bob");
        Path carol = init("carol", "Carol");
        ok("contact", "add", code(bob), "--alias", "bob", "--data", alice.toString());
        ok("contact", "add", code(carol), "--alias", "carol", "--data", alice.toString());
        ok("contact", "add", code(alice), "--alias", "alice", "--data", bob.toString());

        assertThat(ok("group", "list", "--data", alice.toString()).out()).contains("no groups yet");
        assertThat(ok("group", "create", "Newsroom", "--member", "bob", "--member", "carol", "--data",
                alice.toString()).out()).contains("created group").contains("\"Newsroom\" with 3 members");
        assertThat(ok("group", "list", "--data", alice.toString()).out()).contains("Newsroom\t3 members\tepoch 0\tadmin");
        assertThat(ok("group", "members", "Newsroom", "--data", alice.toString()).out())
                .contains("Alice\t(you)\tadmin").contains("Bob\tbob\tmember").contains("Carol\tcarol\tmember");
        assertThat(ok("group", "send", "Newsroom", "сәлем, редакция", "--data", alice.toString()).out())
                .startsWith("queued ");
        assertThat(ok("group", "messages", "Newsroom", "--data", alice.toString()).out())
                .contains("me: сәлем, редакция");

        sync(alice, bob);
        assertThat(ok("group", "messages", "Newsroom", "--data", bob.toString()).out())
                .contains("alice: сәлем, редакция");
        CliRun notAdmin = CliRun.of(FakeTerminal.none(), "group", "remove", "Newsroom", "Carol", "--data",
                bob.toString());
        assertThat(notAdmin.exitCode()).isEqualTo(2);
        assertThat(notAdmin.err()).contains("only an admin of the group can change its members");

        assertThat(ok("group", "remove", "Newsroom", "carol", "--data", alice.toString()).out())
                .contains("removed carol from \"Newsroom\" (2 members left)");
        assertThat(ok("group", "list", "--data", alice.toString()).out()).contains("2 members\tepoch 1\tadmin");

        CliRun onlyAdmin = CliRun.of(FakeTerminal.none(), "group", "leave", "Newsroom", "--data", alice.toString());
        assertThat(onlyAdmin.exitCode()).isEqualTo(2);
        assertThat(onlyAdmin.err()).contains("only admin").contains("promote");
        assertThat(ok("group", "leave", "Newsroom", "--data", bob.toString()).out())
                .contains("left \"Newsroom\"");
        // Bob has not heard of Carol's removal yet: he leaves from epoch 0 (a fork alice refuses, PROTOCOL 11.2).
        assertThat(ok("group", "list", "--data", bob.toString()).out()).contains("2 members\tepoch 1\tremoved");
    }

    @Test
    void mistakesGetClearMessages() {
        Path alice = init("alice", "Alice");
        ok("contact", "add", code(init("bob", "Bob")), "--alias", "bob", "--data", alice.toString());
        CliRun unknownContact = CliRun.of(FakeTerminal.none(), "group", "create", "G", "--member", "dave",
                "--data", alice.toString());
        assertThat(unknownContact.exitCode()).isEqualTo(2);
        assertThat(unknownContact.err()).contains("no contact with alias 'dave'");
        CliRun unknownGroup = CliRun.of(FakeTerminal.none(), "group", "send", "Nope", "hi", "--data",
                alice.toString());
        assertThat(unknownGroup.exitCode()).isEqualTo(2);
        assertThat(unknownGroup.err()).contains("no group called \"Nope\"");
        ok("group", "create", "G", "--member", "bob", "--data", alice.toString());
        CliRun notMember = CliRun.of(FakeTerminal.none(), "group", "remove", "G", "zed", "--data",
                alice.toString());
        assertThat(notMember.exitCode()).isEqualTo(2);
        assertThat(notMember.err()).contains("\"zed\" is not a member of \"G\"");
        CliRun self = CliRun.of(FakeTerminal.none(), "group", "remove", "G", "Alice", "--data", alice.toString());
        assertThat(self.exitCode()).isEqualTo(2);
        assertThat(self.err()).contains("you cannot remove yourself");
        CliRun longName = CliRun.of(FakeTerminal.none(), "group", "create", "x".repeat(65), "--member", "bob",
                "--data", alice.toString());
        assertThat(longName.exitCode()).isEqualTo(2);
        assertThat(longName.err()).contains("group name must be 1..64 UTF-8 bytes");
    }

    /** Runs both accounts as real nodes on loopback until the second one has caught up with the first. */
    private static void sync(Path from, Path to) throws Exception {
        Clock clock = Clock.systemUTC();
        NodeConfig loopback = new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
        try (Account a = Account.open(from, clock); Account b = Account.open(to, clock);
             Node nodeA = Node.start(a, loopback); Node nodeB = Node.start(b, loopback)) {
            nodeB.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), nodeA.port()));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                if (!b.groups().list().isEmpty() && !b.groups().messages(b.groups().list().get(0).id()).isEmpty()) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the group did not reach the second node");
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

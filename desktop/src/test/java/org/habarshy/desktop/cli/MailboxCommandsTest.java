package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.mailbox.RelayCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code habarshy relay add|list} and {@code habarshy mailbox register|status|code|contact|fetch}. */
class MailboxCommandsTest {
    @TempDir
    Path tmp;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String relayCode(boolean mailbox) {
        AgreementKey link = AgreementKeyPair.generate(RANDOM).publicKey();
        return new RelayCode(link, mailbox ? Optional.of(AgreementKeyPair.generate(RANDOM).publicKey())
                : Optional.empty()).encode();
    }

    @Test
    void bobAddsARelayRegistersAndAliceDepositsToTheMailboxCodeHeGaveHer() {
        Path alice = init("alice", "Alice");
        Path bob = init("bob", "Bob");
        ok("contact", "add", code(bob), "--alias", "bob", "--data", alice.toString());
        String relay = relayCode(true);

        assertThat(ok("relay", "add", "taraz", "--code", relay, "--address", "127.0.0.1:7455", "--data",
                bob.toString()).out()).contains("Added relay 'taraz'; it keeps mailboxes");
        assertThat(ok("relay", "list", "--data", bob.toString()).out()).contains("taraz  127.0.0.1:7455  mailbox");
        CliRun registered = ok("mailbox", "register", "taraz", "--quota", "64KiB", "--data", bob.toString());
        assertThat(registered.out()).contains("Mailbox registration for relay 'taraz' queued")
                .contains("Your mailbox code");
        String mailboxCode = ok("mailbox", "code", "taraz", "--data", bob.toString()).out().strip();
        assertThat(mailboxCode).startsWith("HBM1");
        assertThat(registered.out()).contains(mailboxCode);
        assertThat(ok("mailbox", "status", "--data", bob.toString()).out())
                .contains("mailbox at taraz: quota asked 65536 bytes").contains(mailboxCode);
        assertThat(ok("mailbox", "fetch", "taraz", "--data", bob.toString()).out())
                .contains("Pickup request for relay 'taraz' queued");

        ok("mailbox", "contact", "bob", mailboxCode, "--data", alice.toString());
        assertThat(ok("send", "bob", "Сәлем", "--data", alice.toString()).out())
                .contains("and a copy left in their mailbox");
        assertThat(ok("mailbox", "status", "--data", alice.toString()).out())
                .contains("contact bob: messages also deposited in their mailbox");
    }

    @Test
    void mistakesAreRefusedWithExitCode2AndAClearMessage() {
        Path bob = init("bob", "Bob");
        assertRefused("no relay named 'taraz'", "mailbox", "register", "taraz", "--data", bob.toString());
        assertRefused("the relay code has a typing error", "relay", "add", "taraz", "--code",
                withTypingError(relayCode(true)), "--address", "h:1", "--data", bob.toString());
        assertRefused("the relay address must be HOST:PORT", "relay", "add", "taraz", "--code", relayCode(true),
                "--address", "nowhere", "--data", bob.toString());
        ok("relay", "add", "plain", "--code", relayCode(false), "--address", "h:1", "--data", bob.toString());
        assertRefused("relay 'plain' keeps no mailboxes", "mailbox", "register", "plain", "--data", bob.toString());
        ok("relay", "add", "taraz", "--code", relayCode(true), "--address", "h:1", "--data", bob.toString());
        assertRefused("the quota must be 1 byte to 4 GiB", "mailbox", "register", "taraz", "--quota", "5GiB",
                "--data", bob.toString());
        assertRefused("no mailbox registered at relay 'taraz'", "mailbox", "fetch", "taraz", "--data",
                bob.toString());
        assertRefused("not a mailbox code", "mailbox", "contact", "alice", "HB1XYZ", "--data", bob.toString());
        assertRefused("no contact with alias 'alice'", "mailbox", "contact", "alice",
                ok("mailbox", "register", "taraz", "--data", bob.toString()).out().replaceAll("(?s).*(HBM1\\S+).*",
                        "$1"), "--data", bob.toString());
    }

    /**
     * Changes one character in the middle of {@code code} to another base32 letter. Not the last one: its unused
     * low bits must stay zero, or the code is refused for its length instead of its checksum.
     */
    private static String withTypingError(String code) {
        int at = code.length() / 2;
        char typo = code.charAt(at) == 'Q' ? 'R' : 'Q';
        return code.substring(0, at) + typo + code.substring(at + 1);
    }

    private void assertRefused(String message, String... args) {
        CliRun run = CliRun.of(FakeTerminal.none(), args);
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
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

package org.habarshy.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The offline commands (init, id, contact, send, messages) and refusals of bad input, run as real processes. */
class CliCommandsTest {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    @RegisterExtension
    final ProcessTestBed bed = ProcessTestBed.processes();

    @Test
    void initCreatesIdentityOnceAndIdPrintsCodeAndSafetyNumber(HabarshyProcesses habarshy) throws Exception {
        Path data = bed.root().resolve("alice");
        HabarshyProcesses.Result init = habarshy.ok("init", "--name", "Әлия", "--data", data.toString());
        assertThat(data.resolve("identity.key")).as(init.describe()).isRegularFile();
        assertThat(data.resolve("habarshy.db")).as(init.describe()).isRegularFile();
        assertThat(init.stdout()).as(init.describe()).contains("Created identity 'Әлия'");

        HabarshyProcesses.Result again = habarshy.run("init", "--name", "other", "--data", data.toString());
        assertThat(again.exitCode()).as(again.describe()).isNotZero();
        assertThat(again.stderr()).as(again.describe()).contains("an identity already exists");
        assertThat(again.stdout()).as(again.describe()).doesNotContain("Created identity");

        HabarshyProcesses.Result id = habarshy.ok("id", "--data", data.toString());
        assertThat(id.stdout().lines()).as(id.describe()).hasSize(1);
        assertThat(id.stdout()).as(id.describe()).startsWith("HB1").matches("HB1[A-Z2-7]+\\R");
        // The identity was not replaced by the refused second init.
        assertThat(init.stdout()).as("init printed the same code as id").contains(id.stdout().strip());

        HabarshyProcesses.Result fingerprint = habarshy.ok("id", "--fingerprint", "--data", data.toString());
        assertThat(fingerprint.stdout()).as(fingerprint.describe()).matches("[0-9]{5}( [0-9]{5}){5}\\R");
        assertThat(init.stdout()).contains("Safety number: " + fingerprint.stdout().strip());
    }

    @Test
    void commandsOnAMissingIdentitySayToRunInit(HabarshyProcesses habarshy) throws Exception {
        HabarshyProcesses.Result id = habarshy.run("id", "--data", bed.root().resolve("nobody").toString());
        assertThat(id.exitCode()).as(id.describe()).isEqualTo(2);
        assertThat(id.stderr()).as(id.describe()).contains("habarshy init");
    }

    @Test
    void contactAddAcceptsAGoodCodeAndRefusesDamagedOnes(HabarshyProcesses habarshy) throws Exception {
        Path alice = habarshy.init("alice");
        Path bob = habarshy.init("bob");
        String code = habarshy.contactCode(bob);

        HabarshyProcesses.Result changed = habarshy.run("contact", "add", changeOneCharacter(code),
                "--alias", "bob", "--data", alice.toString());
        assertThat(changed.exitCode()).as(changed.describe()).isEqualTo(2);
        assertThat(changed.stderr()).as(changed.describe()).contains("habarshy: contact code is mistyped");

        HabarshyProcesses.Result flipped = habarshy.run("contact", "add", flipChecksumBit(code),
                "--alias", "bob", "--data", alice.toString());
        assertThat(flipped.exitCode()).as(flipped.describe()).isEqualTo(2);
        assertThat(flipped.stderr()).as(flipped.describe()).contains("checksum does not match");

        HabarshyProcesses.Result notACode = habarshy.run("contact", "add", "hello", "--alias", "bob",
                "--data", alice.toString());
        assertThat(notACode.exitCode()).as(notACode.describe()).isEqualTo(2);
        assertThat(notACode.stderr()).as(notACode.describe()).contains("not a Habarshy contact code");

        assertThat(habarshy.ok("contact", "list", "--data", alice.toString()).stdout())
                .as("refused codes add no contact").isEmpty();

        HabarshyProcesses.Result added = habarshy.ok("contact", "add", code, "--alias", "bob",
                "--data", alice.toString());
        String bobNumber = habarshy.ok("id", "--fingerprint", "--data", bob.toString()).stdout().strip();
        assertThat(added.stdout()).as(added.describe())
                .contains("Added 'bob' (calls themselves 'bob')")
                .contains("Safety number: " + bobNumber);
        assertThat(habarshy.ok("contact", "list", "--data", alice.toString()).stdout())
                .isEqualTo("bob\tbob\t" + bobNumber + "\tnot verified\n");
    }

    @Test
    void sendToAnUnknownAliasFailsClearlyAndQueuesNothing(HabarshyProcesses habarshy) throws Exception {
        Path alice = habarshy.init("alice");
        HabarshyProcesses.Result send = habarshy.run("send", "--data", alice.toString(), "carol", "hi");
        assertThat(send.exitCode()).as(send.describe()).isEqualTo(2);
        assertThat(send.stderr()).as(send.describe())
                .contains("habarshy: no contact with alias 'carol'")
                .contains("habarshy contact add CODE --alias carol");
        assertThat(send.stdout()).as(send.describe()).doesNotContain("queued");
        assertThat(habarshy.messages(alice)).isEmpty();
    }

    @Test
    void sendQueuesAndMessagesListsItWithoutANode(HabarshyProcesses habarshy) throws Exception {
        Path[] users = habarshy.befriend("alice", "bob");
        String text = "Сәлем! Қалайсың? Привет";
        String id = habarshy.send(users[0], "bob", text);
        var message = habarshy.message(users[0], id).orElseThrow();
        assertThat(message.get("from").getAsString()).isEqualTo("me");
        assertThat(message.get("to").getAsString()).isEqualTo("bob");
        assertThat(message.get("text").getAsString()).isEqualTo(text);
        assertThat(message.get("state").getAsString()).isEqualTo("queued");
        assertThat(message.get("carried_by").getAsInt()).isZero();

        HabarshyProcesses.Result plain = habarshy.ok("messages", "--with", "bob", "--data", users[0].toString());
        assertThat(plain.stdout()).as(plain.describe()).contains("me -> bob  [queued]  " + text);
        HabarshyProcesses.Result unknown = habarshy.run("messages", "--with", "carol", "--data",
                users[0].toString());
        assertThat(unknown.exitCode()).as(unknown.describe()).isEqualTo(2);
        assertThat(unknown.stderr()).as(unknown.describe()).contains("no contact with alias 'carol'");
    }

    @Test
    void runOnAnEmptyDataDirectoryCreatesAnIdentityFirst(HabarshyProcesses habarshy) throws Exception {
        Path data = bed.root().resolve("fresh");
        HabarshyProcess node = habarshy.startNode("node-fresh", data, HabarshyProcesses.freePort(), "--no-mdns");
        assertThat(node.stdout()).as(node.tail()).contains("First run: created identity");
        String code = habarshy.contactCode(data);
        assertThat(node.stdout()).as(node.tail()).contains("Your contact code: " + code);
        node.signal("TERM");
        assertThat(node.awaitExit(HabarshyProcess.EXIT_LIMIT)).as(node.tail()).isZero();
        HabarshyProcesses.Result init = habarshy.run("init", "--name", "late", "--data", data.toString());
        assertThat(init.exitCode()).as(init.describe()).isEqualTo(2);
    }

    @ParameterizedTest(name = "--peer {0}")
    @CsvSource(delimiter = '|', value = {
        "nonsense|--peer must be HOST:PORT, got 'nonsense'",
        "127.0.0.1:|--peer must be HOST:PORT",
        "127.0.0.1:port|--peer port is not a number",
        "127.0.0.1:70000|--peer port out of range",
        "127.0.0.1:0|--peer port out of range",
    })
    void malformedPeerIsRefusedWithExitCode2(String peer, String expected,
            HabarshyProcesses habarshy) throws Exception {
        Path data = bed.root().resolve("node");
        HabarshyProcesses.Result run = habarshy.run("run", "--data", data.toString(), "--bind", "127.0.0.1",
                "--port", "0", "--no-mdns", "--peer", peer);
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stderr()).as(run.describe()).contains("habarshy: " + expected);
        assertThat(run.stderr()).as(run.describe()).doesNotContain(HabarshyProcesses.NODE_RUNNING);
    }

    @Test
    void badPortIsRefusedWithExitCode2(HabarshyProcesses habarshy) throws Exception {
        HabarshyProcesses.Result run = habarshy.run("run", "--data", bed.root().resolve("node").toString(), "--bind",
                "127.0.0.1", "--port", "70000", "--no-mdns");
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stderr()).as(run.describe()).contains("port must be 0..65535");
        HabarshyProcesses.Result notANumber = habarshy.run("run", "--port", "abc");
        assertThat(notANumber.exitCode()).as(notANumber.describe()).isEqualTo(2);
        assertThat(notANumber.stderr()).as(notANumber.describe()).contains("'abc'");
    }

    @Test
    void settingsTurnReadReceiptsOffAndOnAndRefuseOtherValues(HabarshyProcesses habarshy) throws Exception {
        Path alice = habarshy.init("alice");
        assertThat(habarshy.ok("settings", "--data", alice.toString()).stdout()).contains("read-receipts on");
        assertThat(habarshy.ok("settings", "--read-receipts", "off", "--data", alice.toString()).stdout())
                .contains("read-receipts off");
        assertThat(habarshy.ok("settings", "--data", alice.toString()).stdout()).contains("read-receipts off");
        HabarshyProcesses.Result bad = habarshy.run("settings", "--read-receipts", "maybe", "--data",
                alice.toString());
        assertThat(bad.exitCode()).as(bad.describe()).isEqualTo(2);
        assertThat(bad.stderr()).as(bad.describe()).contains("--read-receipts takes on or off");
        assertThat(habarshy.ok("settings", "--read-receipts", "on", "--data", alice.toString()).stdout())
                .contains("read-receipts on");
    }

    @Test
    void runTakesACarryQuotaAndStatusShowsItWithTheRefusalCounters(HabarshyProcesses habarshy) throws Exception {
        Path data = habarshy.init("carrier");
        HabarshyProcesses.Result bad = habarshy.run("run", "--data", data.toString(), "--carry-quota", "lots");
        assertThat(bad.exitCode()).as(bad.describe()).isEqualTo(2);
        assertThat(bad.stderr()).as(bad.describe()).contains("'lots' is not a size");

        HabarshyProcess node = habarshy.startNode("node-quota", data, HabarshyProcesses.freePort(), "--no-mdns",
                "--carry-quota", "64MiB");
        var carry = habarshy.status(data).getAsJsonObject("carry");
        assertThat(carry.get("quotaBytes").getAsLong()).isEqualTo(64L * 1024 * 1024);
        assertThat(carry.get("usedBytes").getAsLong()).isZero();
        assertThat(carry.getAsJsonObject("rejectedByReason").keySet()).contains("oversized", "malformed",
                "expired", "future", "too-long-lived", "too-many-hops", "duplicate", "origin-quota", "store-full");
        assertThat(habarshy.ok("status", "--data", data.toString()).stdout())
                .contains("0 B of 64.0 MiB quota used").contains("refused   none");
        node.signal("TERM");
        assertThat(node.awaitExit(HabarshyProcess.EXIT_LIMIT)).as(node.tail()).isZero();
    }

    /** Replaces one character in the middle of the code (the signed card) with another base32 character. */
    private static String changeOneCharacter(String code) {
        int at = code.length() / 2;
        char old = code.charAt(at);
        char replacement = BASE32.charAt((BASE32.indexOf(old) + 1) % BASE32.length());
        return code.substring(0, at) + replacement + code.substring(at + 1);
    }

    /**
     * Flips the lowest bit of the second-to-last character. The last character holds at most 5 payload bits, so
     * that character's 5 bits all lie in the last 32 bits of the payload: the 4-byte checksum.
     */
    private static String flipChecksumBit(String code) {
        int at = code.length() - 2;
        char replacement = BASE32.charAt(BASE32.indexOf(code.charAt(at)) ^ 1);
        return code.substring(0, at) + replacement + code.substring(at + 1);
    }
}

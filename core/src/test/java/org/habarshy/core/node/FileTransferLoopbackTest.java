package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.attachment.Attachment;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.attachment.AttachmentState;
import org.habarshy.core.api.attachment.Report;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.routing.CarryLimits;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and reports between two real nodes over loopback TCP (real SQLite files, real link encryption), including a
 * link broken in the middle of a transfer by stopping the receiving node: the transfer resumes when the nodes meet
 * again, the file ends complete and byte-identical, and chunks the receiver already held are not sent again.
 */
class FileTransferLoopbackTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;
    @TempDir
    Path files;
    @TempDir
    Path saved;

    private final Clock clock = Clock.systemUTC();

    private static NodeConfig loopback() {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
    }

    private Path randomFile(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return Files.write(files.resolve(name), bytes);
    }

    private static Attachment only(Account account, Direction direction) throws Exception {
        return account.attachments().list(Optional.empty()).stream().filter(a -> a.direction() == direction)
                .findFirst().orElseThrow();
    }

    private static int held(Account account) throws Exception {
        return account.attachments().list(Optional.empty()).stream().filter(a -> a.direction() == Direction.INCOMING)
                .mapToInt(Attachment::chunksHeld).findFirst().orElse(0);
    }

    @Test
    void aFewMebibytesSurviveALinkBrokenMidTransferWithoutResendingWhatArrived() throws Exception {
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            alice.addContact(bob.contactCode(), "bob");
            bob.addContact(alice.contactCode(), "alice");
            Path photo = randomFile("Алматы қаңтар.jpg", 3 * 1024 * 1024 + 12_345);
            Attachment sent = alice.attachments().sendFiles(alice.contact("bob"), List.of(photo)).get(0);
            int chunks = sent.chunkCount();
            assertThat(chunks).isEqualTo(17);
            assertThat(sent.transfer().orElseThrow().state()).isEqualTo(MessageState.QUEUED);

            // Bob accepts 4 envelopes a second from a link, so the transfer takes several seconds.
            NodeConfig slowBob = loopback().withCarry(CarryLimits.DEFAULTS.withRates(4, 64L * 1024 * 1024));
            int partial;
            long sentBeforeResume;
            try (Node aliceNode = Node.start(alice, loopback())) {
                try (Node bobNode = Node.start(bob, slowBob)) {
                    bobNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), aliceNode.port()));
                    Await.until("bob holds a few chunks", LIMIT, () -> held(bob) >= 3);
                }
                partial = held(bob);
                assertThat(partial).as("the link broke mid-transfer").isBetween(3, chunks - 1);
                assertThat(only(bob, Direction.INCOMING).state()).isEqualTo(AttachmentState.PARTIAL);
                Await.until("alice saw the link go", LIMIT, () -> aliceNode.linkCount() == 0);
                sentBeforeResume = aliceNode.currentStatus().bytesOut();

                try (Node bobNode = Node.start(bob, loopback())) {
                    bobNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), aliceNode.port()));
                    Await.until("bob holds the whole file", LIMIT,
                            () -> only(bob, Direction.INCOMING).state() == AttachmentState.COMPLETE);
                    Await.until("alice sees every chunk delivered", LIMIT, () -> only(alice, Direction.OUTGOING)
                            .transfer().orElseThrow().state() == MessageState.DELIVERED);
                    long resent = aliceNode.currentStatus().bytesOut() - sentBeforeResume;
                    long envelope = AttachmentLimits.CHUNK_BYTES + 1024;
                    assertThat(resent).as("only the missing chunks (and the few in flight) were sent again")
                            .isLessThan((chunks - partial + 3) * envelope);

                    Attachment received = only(bob, Direction.INCOMING);
                    assertThat(received.name()).isEqualTo("Алматы қаңтар.jpg");
                    assertThat(received.mimeType()).isEqualTo("image/jpeg");
                    assertThat(received.percent()).isEqualTo(100);
                    Path out = bob.attachments().save(received, saved);
                    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(photo));
                    Path second = bob.attachments().save(received, saved);
                    assertThat(second).as("never over an existing file").isNotEqualTo(out);
                    assertThat(second.getFileName().toString()).isEqualTo("Алматы қаңтар (2).jpg");
                    Await.until("alice sees the file read", LIMIT, () -> only(alice, Direction.OUTGOING)
                            .transfer().orElseThrow().state() == MessageState.READ);
                    assertThat(only(alice, Direction.OUTGOING).transfer().orElseThrow().carriedBy())
                            .isGreaterThanOrEqualTo(1);
                }
            }
        }
    }

    /** Returns whether any file of the data directory (database, WAL) contains {@code needle}. */
    private static boolean holds(Path dir, byte[] needle) throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] hay = Files.readAllBytes(f);
                for (int i = 0; i + needle.length <= hay.length; i++) {
                    if (java.util.Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void aReportWithTextAndTwoFilesReachesTheEditor() throws Exception {
        try (Account reporter = Account.create(aliceDir, "Reporter", clock);
             Account editor = Account.create(bobDir, "Editor", clock)) {
            reporter.addContact(editor.contactCode(), "editor");
            editor.addContact(reporter.contactCode(), "reporter");
            Path photo = randomFile("square.png", 500_000);
            Path notes = randomFile("notes.txt", 1_000);
            Report report = reporter.attachments().sendReport(reporter.contact("editor"), "Алаңдағы жиын",
                    "Таңғы 10-да басталды. Полиция көп.", List.of(photo, notes));
            assertThat(report.files()).hasSize(2);
            assertThat(report.textTransfer().orElseThrow().state()).isEqualTo(MessageState.QUEUED);

            try (Node editorNode = Node.start(editor, loopback());
                 Node reporterNode = Node.start(reporter, loopback())) {
                reporterNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), editorNode.port()));
                Await.until("the report and its files arrive", LIMIT, () -> editor.attachments().reports().stream()
                        .anyMatch(r -> r.files().size() == 2 && r.files().stream()
                                .allMatch(f -> f.state() == AttachmentState.COMPLETE)));
                Report received = editor.attachments().reports().get(0);
                assertThat(received.direction()).isEqualTo(Direction.INCOMING);
                assertThat(received.title()).isEqualTo("Алаңдағы жиын");
                assertThat(received.text()).isEqualTo("Таңғы 10-да басталды. Полиция көп.");
                assertThat(received.fileCount()).isEqualTo(2);
                editor.attachments().markRead(received);
                for (String secret : new String[] {"Алаңдағы жиын", "Полиция көп", "square.png"}) {
                    assertThat(holds(bobDir, secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .as("%s is sealed at rest", secret).isFalse();
                }
                byte[] photoStart = java.util.Arrays.copyOf(Files.readAllBytes(photo), 64);
                assertThat(holds(bobDir, photoStart)).as("file contents are sealed at rest").isFalse();
                Await.until("the reporter sees text and files delivered and the text read", LIMIT, () -> {
                    Report mine = reporter.attachments().reports().get(0);
                    return mine.textTransfer().orElseThrow().state() == MessageState.READ
                            && mine.files().stream().allMatch(f -> f.transfer().orElseThrow().state()
                            == MessageState.DELIVERED);
                });
            }
        }
    }
}

package org.habarshy.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.habarshy.core.crypto.ChannelPostFormat;
import org.habarshy.core.crypto.InvalidChannelPostException.Reason;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.CarriedEnvelope;
import org.habarshy.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Channels end to end on real accounts and SQLite files, envelopes handed from one data directory to another the
 * way a carrier's store would hold them ({@link Account#carry}); the network path is ChannelCarriageTest.
 */
class ChannelsTest {
    private final Clock clock = Clock.systemUTC();
    @TempDir
    Path aDir;
    @TempDir
    Path bDir;
    @TempDir
    Path cDir;

    /** Copies every envelope {@code from} holds into {@code to}'s store, as sync would. */
    private static void handOver(Account from, Account to) throws Exception {
        for (CarriedEnvelope e : from.carriedAfter(0, 1000)) {
            to.carry(e.bytes());
        }
    }

    @Test
    void theCreatorPostsAndReadsWithoutTheKeyLeavingTheDevice() throws Exception {
        try (Account a = Account.create(aDir, "A", clock)) {
            ChannelInfo info = a.channels().create("Алмалы ауданы", false);
            assertThat(info.canPost()).isTrue();
            assertThat(info.isPrivate()).isFalse();
            ChannelPost post = a.channels().post("Алмалы ауданы", Severity.URGENT, "Көпір жабық");
            assertThat(a.channels().posts("Алмалы ауданы", 10)).containsExactly(post);
            assertThat(a.channels().list()).singleElement().satisfies(c -> assertThat(c.unread()).isZero());
            assertThat(a.carriedAfter(0, 10)).singleElement()
                    .satisfies(e -> assertThat(ChannelPostFormat.isChannelPost(e.bytes())).isTrue());
            assertThat(a.channels().refresh().added()).as("own post stored once").isEmpty();
            assertThatThrownBy(() -> a.channels().create("Алмалы ауданы", true)).isInstanceOf(ChannelException.class)
                    .hasMessageContaining("exists already");
        }
    }

    @Test
    void aSubscriberSeesPostsHeldBeforeAndAfterSubscribingAndACarrierSeesNone() throws Exception {
        try (Account a = Account.create(aDir, "A", clock); Account b = Account.create(bDir, "B", clock);
             Account c = Account.create(cDir, "C", clock)) {
            a.channels().create("news", false);
            a.channels().post("news", Severity.WARNING, "Before B subscribed");
            handOver(a, b);
            assertThat(b.channels().refresh().added()).isEmpty();
            b.channels().subscribe(a.channels().code("news"), Optional.of("Ауыл"));
            a.channels().post("news", Severity.URGENT, "After B subscribed");
            handOver(a, b);
            RefreshResult seen = b.channels().refresh();
            assertThat(seen.added()).extracting(ChannelPost::text)
                    .containsExactlyInAnyOrder("Before B subscribed", "After B subscribed");
            assertThat(seen.refused()).isEmpty();
            assertThat(b.channels().info("Ауыл").unread()).isEqualTo(2);
            assertThat(b.channels().info("Ауыл").canPost()).isFalse();
            assertThat(b.channels().posts("Ауыл", 10)).extracting(ChannelPost::severity)
                    .containsExactly(Severity.WARNING, Severity.URGENT);
            assertThat(b.channels().markRead("Ауыл")).isEqualTo(2);
            assertThat(b.channels().info("Ауыл").unread()).isZero();
            assertThat(b.channels().refresh().added()).as("nothing new").isEmpty();

            handOver(b, c);
            assertThat(c.carriedAfter(0, 10)).as("the carrier holds them").hasSize(2);
            assertThat(c.channels().refresh().added()).isEmpty();
            assertThat(c.channels().list()).isEmpty();
        }
    }

    @Test
    void forgedAndReplayedPostsAreRefusedWithTheirReason() throws Exception {
        try (Account a = Account.create(aDir, "A", clock); Account b = Account.create(bDir, "B", clock)) {
            a.channels().create("news", false);
            b.channels().subscribe(a.channels().code("news"), Optional.empty());
            ChannelPost real = a.channels().post("news", Severity.INFO, "Water at 9");
            SecureRandom random = new SecureRandom();
            long now = clock.millis();
            long later = now + Duration.ofHours(1).toMillis();
            byte[] forged = ChannelPostFormat.seal(SigningKeyPair.generate(random), Optional.empty(), 5, 3,
                    "Evacuate to the river", now, later, random);
            System.arraycopy(a.channels().info("news").key().bytes(), 0, forged, 18, 32);
            SigningKeyPair stolen = new ChannelCodes().decodePostingKey(a.channels().exportPostingKey("news"))
                    .postingKey().orElseThrow();
            byte[] replay = ChannelPostFormat.seal(stolen, Optional.empty(), real.sequence(), 3, "Water at 11", now,
                    later, random);
            handOver(a, b);
            b.carry(forged);
            b.carry(replay);
            RefreshResult result = b.channels().refresh();
            assertThat(result.added()).extracting(ChannelPost::text).containsExactly("Water at 9");
            assertThat(result.refused()).isEqualTo(Map.of(Reason.BAD_SIGNATURE, 1, Reason.REPLAYED, 1));
            assertThat(b.channels().posts("news", 10)).extracting(ChannelPost::text).containsExactly("Water at 9");
        }
    }

    @Test
    void privateChannelsAreReadOnlyWithTheCodeAndNothingSecretIsOnDiskInClear() throws Exception {
        String text = "Жиналыс мектепте, 18:00";
        byte[] seed;
        try (Account a = Account.create(aDir, "A", clock); Account b = Account.create(bDir, "B", clock);
             Account c = Account.create(cDir, "C", clock)) {
            a.channels().create("үй", true);
            a.channels().create("open", false);
            b.channels().subscribe(a.channels().code("үй"), Optional.empty());
            c.channels().subscribe(a.channels().code("open"), Optional.empty());
            a.channels().post("үй", Severity.URGENT, text);
            handOver(a, b);
            handOver(a, c);
            assertThat(b.channels().refresh().added()).extracting(ChannelPost::text).containsExactly(text);
            RefreshResult other = c.channels().refresh();
            assertThat(other.added()).isEmpty();
            assertThat(other.refused()).as("not even recognisable as the channel's").isEmpty();
            seed = new ChannelCodes().decodePostingKey(a.channels().exportPostingKey("үй")).postingKey()
                    .orElseThrow().exportSeed();
        }
        for (Path dir : List.of(aDir, bDir, cDir)) {
            String disk = diskBytes(dir);
            assertThat(disk).doesNotContain(new String(text.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.ISO_8859_1));
            assertThat(disk).doesNotContain(new String(seed, StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void postingNeedsTheKeyAndAnImportedKeyContinuesTheSequence() throws Exception {
        try (Account a = Account.create(aDir, "A", clock); Account b = Account.create(bDir, "B", clock)) {
            a.channels().create("news", true);
            ChannelPost first = a.channels().post("news", Severity.INFO, "first");
            b.channels().subscribe(a.channels().code("news"), Optional.of("n"));
            handOver(a, b);
            b.channels().refresh();
            assertThatThrownBy(() -> b.channels().post("n", Severity.INFO, "mine"))
                    .isInstanceOf(ChannelException.class).hasMessageContaining("posting key");
            assertThatThrownBy(() -> b.channels().exportPostingKey("n")).isInstanceOf(ChannelException.class);
            assertThatThrownBy(() -> b.channels().subscribe(a.channels().code("news"), Optional.of("again")))
                    .hasMessageContaining("already follow");
            ChannelInfo imported = b.channels().importPostingKey(a.channels().exportPostingKey("news"),
                    Optional.empty());
            assertThat(imported.name()).isEqualTo("n");
            assertThat(imported.canPost()).isTrue();
            ChannelPost second = b.channels().post("n", Severity.WARNING, "second");
            assertThat(second.sequence()).isGreaterThan(first.sequence());
            handOver(b, a);
            assertThat(a.channels().refresh().added()).extracting(ChannelPost::text).containsExactly("second");
            b.channels().unsubscribe("n");
            assertThat(b.channels().list()).isEmpty();
            assertThatThrownBy(() -> b.channels().posts("n", 10)).hasMessageContaining("no channel named");
        }
    }

    @Test
    void expiredPostsAreNoLongerShownOrCounted() throws Exception {
        MutableClock later = new MutableClock(Instant.now());
        try (Account a = Account.create(aDir, "A", clock); Account b = Account.create(bDir, "B", later)) {
            a.channels().create("news", false);
            b.channels().subscribe(a.channels().code("news"), Optional.empty());
            a.channels().post("news", Severity.URGENT, "Short-lived", Duration.ofMinutes(10));
            a.channels().post("news", Severity.INFO, "Long-lived", Duration.ofDays(2));
            handOver(a, b);
            assertThat(b.channels().refresh().added()).hasSize(2);
            later.advance(Duration.ofMinutes(11));
            assertThat(b.channels().refresh().added()).isEmpty();
            assertThat(b.channels().posts("news", 10)).extracting(ChannelPost::text).containsExactly("Long-lived");
            assertThat(b.channels().info("news").unread()).isEqualTo(1);
        }
    }

    private static String diskBytes(Path dir) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.writeBytes(Files.readAllBytes(f));
            }
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}

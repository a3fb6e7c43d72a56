package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.channel.ChannelPost;
import org.habarshy.core.channel.Severity;
import org.habarshy.core.crypto.ChannelPostFormat;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes on loopback TCP with their own SQLite files: poster A, carrier B that follows no channel, and
 * subscriber C that only ever links to B. Posts of a public and of a private channel reach C through B; B holds and
 * forwards them without being able to show them.
 */
class ChannelCarriageTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path aDir;
    @TempDir
    Path bDir;
    @TempDir
    Path cDir;

    private static NodeConfig loopback() {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
    }

    @Test
    void aCarrierThatFollowsNothingForwardsPostsToASubscriber() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account a = Account.create(aDir, "A", clock); Account b = Account.create(bDir, "B", clock);
             Account c = Account.create(cDir, "C", clock)) {
            a.channels().create("Алмалы", false);
            a.channels().create("Үй", true);
            c.channels().subscribe(a.channels().code("Алмалы"), Optional.empty());
            c.channels().subscribe(a.channels().code("Үй"), Optional.empty());
            a.channels().post("Алмалы", Severity.WARNING, "Posted before any node ran");

            try (Node bNode = Node.start(b, loopback());
                 Node aNode = Node.start(a, loopback());
                 Node cNode = Node.start(c, loopback())) {
                InetSocketAddress bAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), bNode.port());
                aNode.addPeer(bAddress);
                cNode.addPeer(bAddress);
                Await.until("A and C linked to B", LIMIT, () -> bNode.linkCount() == 2);
                a.channels().post("Үй", Severity.URGENT, "Су келеді: жоғары көтеріліңдер");
                a.channels().post("Алмалы", Severity.INFO, "Posted while linked");

                List<ChannelPost> seen = new ArrayList<>();
                Await.until("C shows all three posts", LIMIT, () -> {
                    seen.addAll(c.channels().refresh().added());
                    return seen.size() == 3;
                });
                assertThat(seen).extracting(ChannelPost::channel, ChannelPost::severity, ChannelPost::text)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("Алмалы", Severity.WARNING,
                                        "Posted before any node ran"),
                                org.assertj.core.groups.Tuple.tuple("Үй", Severity.URGENT,
                                        "Су келеді: жоғары көтеріліңдер"),
                                org.assertj.core.groups.Tuple.tuple("Алмалы", Severity.INFO, "Posted while linked"));
                assertThat(c.channels().info("Үй").unread()).isEqualTo(1);

                assertThat(b.carriedAfter(0, 100)).filteredOn(e -> ChannelPostFormat.isChannelPost(e.bytes()))
                        .as("B holds every post").hasSize(3);
                assertThat(b.channels().refresh().added()).as("B cannot show them").isEmpty();
                assertThat(b.channels().list()).isEmpty();
                assertThat(aNode.linkCount()).as("A never linked to C").isEqualTo(1);
                assertThat(cNode.linkCount()).as("C never linked to A").isEqualTo(1);
            }
        }
    }
}

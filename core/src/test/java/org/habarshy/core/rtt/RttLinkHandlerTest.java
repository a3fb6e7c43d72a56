package org.habarshy.core.rtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.ContactLinkTags;
import org.habarshy.core.link.LinkEstablishedEvent;
import org.habarshy.core.sync.OfferDoneRecord;
import org.habarshy.core.sync.RttAnnounceRecord;
import org.habarshy.core.sync.RttLimits;
import org.habarshy.core.sync.RttUpdateRecord;
import org.junit.jupiter.api.Test;

/**
 * One link's real-time text on a frozen clock: recognition only by a tag for this link and the peer's role, the
 * receive limits, and the sender's coalescing to one update per 100 ms.
 */
class RttLinkHandlerTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgreementKeyPair alice = AgreementKeyPair.generate(RANDOM);
    private final AgreementKeyPair bob = AgreementKeyPair.generate(RANDOM);
    private final ContactCard aliceCard = card("Alice", alice);
    private final ContactCard bobCard = card("Bob", bob);
    private final byte[] hash = random(32);
    private final List<String> drafts = new CopyOnWriteArrayList<>();

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static ContactCard card(String name, AgreementKeyPair key) {
        return new ContactCard(name, new IdentityKey(random(32)), key.publicKey(), 0);
    }

    /** Bob's side of a link on which Bob was the Noise responder; Bob has real-time text on for Alice. */
    private EmbeddedChannel bobsLink(RealTimeText rtt) throws Exception {
        rtt.enable(aliceCard);
        rtt.addListener(new RttListener() {
            @Override
            public void draftChanged(IdentityKey contact, String draft) {
                drafts.add(draft);
            }

            @Override
            public void linkChanged(IdentityKey contact, boolean linked) {
            }
        });
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(rtt.newLinkHandler());
        ch.pipeline().fireUserEventTriggered(new LinkEstablishedEvent(random(32), false, 2, hash));
        return ch;
    }

    private byte[] aliceTag(byte[] linkHash, boolean aliceInitiator) throws Exception {
        return ContactLinkTags.tag(ContactLinkTags.pairSecret(alice, bobCard.agreementKey()), linkHash,
                aliceInitiator);
    }

    @Test
    void announcesOwnTagOnEstablishmentAndRecognisesOnlyATagForThisLinkAndTheSendersRole() throws Exception {
        RealTimeText rtt = new RealTimeText(bob, System::nanoTime);
        EmbeddedChannel ch = bobsLink(rtt);
        RttAnnounceRecord ours = ch.readOutbound();
        byte[] bobTag = ContactLinkTags.tag(ContactLinkTags.pairSecret(bob, aliceCard.agreementKey()), hash, false);
        assertThat(ours.tags()).singleElement().isEqualTo(bobTag);

        ch.writeInbound(new RttAnnounceRecord(List.of(aliceTag(random(32), true))));
        assertThat(rtt.isLinked(aliceCard.identityKey())).as("tag of another link").isFalse();
        ch.writeInbound(new RttAnnounceRecord(List.of(bobTag)));
        assertThat(rtt.isLinked(aliceCard.identityKey())).as("our own tag reflected").isFalse();
        ch.writeInbound(new RttAnnounceRecord(List.of(random(16), aliceTag(hash, true), random(16))));
        assertThat(rtt.isLinked(aliceCard.identityKey())).isTrue();
        ch.writeInbound(new RttAnnounceRecord(List.of()));
        assertThat(rtt.isLinked(aliceCard.identityKey())).as("withdrawn").isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void draftsOnAnUnrecognisedLinkAreDroppedAndOtherRecordsPassOn() throws Exception {
        RealTimeText rtt = new RealTimeText(bob, System::nanoTime);
        EmbeddedChannel ch = bobsLink(rtt);
        ch.writeInbound(new RttUpdateRecord("who am I?"));
        assertThat(rtt.droppedCount()).isEqualTo(1);
        assertThat(rtt.peerDraft(aliceCard.identityKey())).isEmpty();
        ch.writeInbound(new OfferDoneRecord());
        assertThat((Object) ch.readInbound()).isInstanceOf(OfferDoneRecord.class);
        assertThat((Object) ch.readInbound()).as("real-time text never reaches the sync session").isNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void updatesBeyondTheBurstAreDroppedUntilTheBucketRefills() throws Exception {
        RealTimeText rtt = new RealTimeText(bob, System::nanoTime);
        EmbeddedChannel ch = bobsLink(rtt);
        ch.writeInbound(new RttAnnounceRecord(List.of(aliceTag(hash, true))));
        for (int i = 0; i < 50; i++) {
            ch.writeInbound(new RttUpdateRecord("draft " + i));
        }
        assertThat(drafts).hasSize(RealTimeText.RECEIVED_UPDATES_BURST);
        assertThat(rtt.droppedCount()).isEqualTo(50 - RealTimeText.RECEIVED_UPDATES_BURST);
        ch.advanceTimeBy(1, TimeUnit.SECONDS);
        ch.writeInbound(new RttUpdateRecord("after a second"));
        assertThat(rtt.peerDraft(aliceCard.identityKey())).contains("after a second");
        ch.finishAndReleaseAll();
    }

    @Test
    void announcesBeyondTheBurstAreDropped() throws Exception {
        RealTimeText rtt = new RealTimeText(bob, System::nanoTime);
        EmbeddedChannel ch = bobsLink(rtt);
        for (int i = 0; i < RealTimeText.RECEIVED_ANNOUNCES_BURST; i++) {
            ch.writeInbound(new RttAnnounceRecord(List.of(random(16))));
        }
        ch.writeInbound(new RttAnnounceRecord(List.of(aliceTag(hash, true))));
        assertThat(rtt.isLinked(aliceCard.identityKey())).isFalse();
        assertThat(rtt.droppedCount()).isEqualTo(1);
        ch.advanceTimeBy(1, TimeUnit.SECONDS);
        ch.writeInbound(new RttAnnounceRecord(List.of(aliceTag(hash, true))));
        assertThat(rtt.isLinked(aliceCard.identityKey())).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void theSenderCoalescesToOneUpdatePerIntervalLatestDraftLast() throws Exception {
        RealTimeText rtt = new RealTimeText(bob, System::nanoTime);
        EmbeddedChannel ch = bobsLink(rtt);
        ch.readOutbound();
        ch.writeInbound(new RttAnnounceRecord(List.of(aliceTag(hash, true))));
        for (String draft : List.of("С", "Сә", "Сәл", "Сәле", "Сәлем")) {
            assertThat(rtt.type(aliceCard.identityKey(), draft)).isTrue();
        }
        ch.runPendingTasks();
        List<String> sent = new ArrayList<>();
        RttUpdateRecord update;
        while ((update = ch.readOutbound()) != null) {
            sent.add(update.text());
        }
        assertThat(sent).containsExactly("С");
        ch.advanceTimeBy(RealTimeText.MIN_UPDATE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        while ((update = ch.readOutbound()) != null) {
            sent.add(update.text());
        }
        assertThat(sent).containsExactly("С", "Сәлем");
        ch.finishAndReleaseAll();
    }

    @Test
    void aLongDraftIsSentAsItsTailWithinTheBound() {
        String longDraft = "ә".repeat(400) + "😀".repeat(300) + "end";
        String tail = RealTimeText.tail(longDraft);
        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RttLimits.MAX_TEXT_BYTES);
        assertThat(longDraft).endsWith(tail);
        assertThat(Character.isLowSurrogate(tail.charAt(0))).isFalse();
        assertThat(tail).endsWith("end").hasSizeGreaterThan(500);
        assertThat(RealTimeText.tail("short")).isEqualTo("short");
    }
}

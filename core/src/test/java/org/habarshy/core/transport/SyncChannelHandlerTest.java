package org.habarshy.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.link.LinkEstablishedEvent;
import org.habarshy.core.sync.InMemorySessionStorage;
import org.habarshy.core.sync.OfferDoneRecord;
import org.habarshy.core.sync.ReconcileRecord;
import org.junit.jupiter.api.Test;

/** The Netty adapter: which session a negotiated version starts, and that a protocol violation closes the link. */
class SyncChannelHandlerTest {
    private final List<EnvelopeId> written = new ArrayList<>();

    private EmbeddedChannel link(InMemorySessionStorage storage, boolean initiator, int version) {
        byte[] ownKey = new byte[32];
        ownKey[0] = 1;
        SyncChannelHandler handler = new SyncChannelHandler(Runnable::run, storage, new LinkRegistry(ownKey),
                written::add, Clock.systemUTC());
        EmbeddedChannel ch = new EmbeddedChannel(handler);
        byte[] peerKey = new byte[32];
        peerKey[0] = 2;
        ch.pipeline().fireUserEventTriggered(new LinkEstablishedEvent(peerKey, initiator, version));
        return ch;
    }

    @Test
    void aVersion2InitiatorStartsReconcilingAndAResponderWaits() {
        InMemorySessionStorage storage = new InMemorySessionStorage();
        storage.add(1);
        EmbeddedChannel initiator = link(storage, true, 2);
        assertThat((Object) initiator.readOutbound()).isInstanceOf(ReconcileRecord.class);
        assertThat((Object) initiator.readOutbound()).isNull();
        EmbeddedChannel responder = link(storage, false, 2);
        assertThat((Object) responder.readOutbound()).isNull();
        initiator.finishAndReleaseAll();
        responder.finishAndReleaseAll();
    }

    @Test
    void aVersion1LinkOffersAsBefore() {
        InMemorySessionStorage storage = new InMemorySessionStorage();
        EmbeddedChannel ch = link(storage, true, 1);
        assertThat((Object) ch.readOutbound()).isEqualTo(new OfferDoneRecord());
        ch.finishAndReleaseAll();
    }

    @Test
    void aMalformedReconcileMessageClosesTheLink() {
        EmbeddedChannel ch = link(new InMemorySessionStorage(), false, 2);
        assertThat(ch.isActive()).isTrue();
        ch.writeInbound(new ReconcileRecord(new byte[] {0x07}));
        ch.runPendingTasks();
        assertThat(ch.isActive()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void aReconcileMessageOnAVersion1LinkClosesIt() {
        EmbeddedChannel ch = link(new InMemorySessionStorage(), false, 1);
        ch.readOutbound();
        ch.writeInbound(new ReconcileRecord(new byte[] {0x02}));
        ch.runPendingTasks();
        assertThat(ch.isActive()).isFalse();
        ch.finishAndReleaseAll();
    }
}

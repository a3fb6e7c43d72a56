package org.habarshy.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.DomainLabels;
import org.habarshy.core.crypto.NoiseHandshake;
import org.habarshy.core.testing.RecordingSink;
import org.habarshy.core.wire.Frames;
import org.habarshy.core.wire.HelloCodec;
import org.junit.jupiter.api.Test;

/** Which version a responder settles on for the version an initiator announces (an unsigned number). */
class LinkHelloVersionTest {
    private static final byte[] PROLOGUE = DomainLabels.LINK_PROLOGUE.getBytes(StandardCharsets.UTF_8);
    private final SecureRandom random = new SecureRandom();

    /** Runs a handshake against a responding handler with {@code hello} in message 3; returns its sink. */
    private RecordingSink handshakeAnnouncing(int hello) throws GeneralSecurityException {
        RecordingSink sink = new RecordingSink();
        EmbeddedChannel responder = new EmbeddedChannel();
        responder.pipeline().addLast(Frames.decoder(), Frames.prepender(),
                new LinkHandshakeHandler(false, AgreementKeyPair.generate(random), random), sink);
        responder.pipeline().fireChannelActive();
        NoiseHandshake initiator = NoiseHandshake.initiator(AgreementKeyPair.generate(random), PROLOGUE, random);
        responder.writeInbound(framed(initiator.writeMessage(new byte[0])));
        byte[] message2 = unframed(responder);
        long responderVersion = HelloCodec.decodeVersion(initiator.readMessage(message2));
        assertThat(responderVersion).isEqualTo(LinkHandshakeHandler.PROTOCOL_VERSION);
        responder.writeInbound(framed(initiator.writeMessage(HelloCodec.encode(hello))));
        responder.finishAndReleaseAll();
        return sink;
    }

    private static ByteBuf framed(byte[] message) {
        return Unpooled.buffer().writeInt(message.length).writeBytes(message);
    }

    /** Reads one outbound frame (the prepender may write the length and the body as separate buffers). */
    private static byte[] unframed(EmbeddedChannel ch) {
        ByteBuf all = Unpooled.buffer();
        ByteBuf part;
        while ((part = ch.readOutbound()) != null) {
            all.writeBytes(part);
            part.release();
        }
        int length = all.readInt();
        byte[] bytes = ByteBufUtil.getBytes(all, all.readerIndex(), length);
        all.release();
        return bytes;
    }

    private static int negotiated(RecordingSink sink) {
        assertThat(sink.errors()).isEmpty();
        return ((LinkEstablishedEvent) sink.events().get(0)).protocolVersion();
    }

    @Test
    void versionsAtOrAbove2To31AreLargeNotNegative() throws GeneralSecurityException {
        assertThat(negotiated(handshakeAnnouncing(-1))).isEqualTo(2);
        assertThat(negotiated(handshakeAnnouncing(Integer.MIN_VALUE))).isEqualTo(2);
        assertThat(negotiated(handshakeAnnouncing(3))).isEqualTo(2);
    }

    @Test
    void aVersion1PeerGetsVersion1() throws GeneralSecurityException {
        assertThat(negotiated(handshakeAnnouncing(1))).isEqualTo(1);
        assertThat(negotiated(handshakeAnnouncing(2))).isEqualTo(2);
    }

    @Test
    void version0IsRefused() throws GeneralSecurityException {
        RecordingSink sink = handshakeAnnouncing(0);
        assertThat(sink.events()).noneMatch(e -> e instanceof LinkEstablishedEvent);
        assertThat(sink.errors()).isNotEmpty();
    }
}

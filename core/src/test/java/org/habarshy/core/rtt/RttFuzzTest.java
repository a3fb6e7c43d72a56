package org.habarshy.core.rtt;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.ContactLinkTags;
import org.habarshy.core.link.LinkEstablishedEvent;
import org.habarshy.core.sync.RttLimits;
import org.habarshy.core.testing.DeterministicRandom;
import org.habarshy.core.testing.RecordingSink;
import org.habarshy.core.testing.SeedCorpus;
import org.habarshy.core.wire.Frames;
import org.habarshy.core.wire.LinkFrameCodec;
import org.habarshy.core.wire.RecordOracle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes real-time text as a peer drives it: raw bytes after the link cipher → framing → {@link LinkFrameCodec}
 * (announces and drafts bounded) → {@link RttLinkHandler} of a user with real-time text on for one contact, on a
 * link with a fixed handshake hash. Keys are deterministic, so the seeds carry a valid tag of that contact and
 * reach recognition and drafts. Allowed: the rejections of {@link RecordOracle} (link closed); a draft shown only
 * once the link was recognised as the contact, never over {@link RttLimits#MAX_TEXT_BYTES}; no real-time-text
 * record passed on to the sync session; every buffer released.
 */
@Tag("jazzer")
class RttFuzzTest {
    private static final byte[] HASH = new byte[32];
    private static final AgreementKeyPair OWN = AgreementKeyPair.generate(new DeterministicRandom("rtt-fuzz-own"));
    private static final AgreementKeyPair CONTACT =
            AgreementKeyPair.generate(new DeterministicRandom("rtt-fuzz-contact"));
    private static final ContactCard CONTACT_CARD = new ContactCard("contact", new IdentityKey(new byte[32]),
            CONTACT.publicKey(), 0);

    @FuzzTest
    void linkFrames(byte[] stream) throws GeneralSecurityException {
        UnpooledByteBufAllocator alloc = new UnpooledByteBufAllocator(false);
        RealTimeText rtt = new RealTimeText(OWN, System::nanoTime);
        rtt.enable(CONTACT_CARD);
        List<String> drafts = new ArrayList<>();
        rtt.addListener(new RttListener() {
            @Override
            public void draftChanged(IdentityKey contact, String draft) {
                if (!draft.isEmpty() && !rtt.isLinked(contact)) {
                    throw new AssertionError("a draft from a link not recognised as the contact");
                }
                drafts.add(draft);
            }

            @Override
            public void linkChanged(IdentityKey contact, boolean linked) {
            }
        });
        RecordingSink sink = new RecordingSink();
        EmbeddedChannel channel = new EmbeddedChannel(Frames.decoder(), LinkFrameCodec.INSTANCE,
                rtt.newLinkHandler(), sink);
        channel.config().setAllocator(alloc);
        channel.freezeTime();
        channel.pipeline().fireUserEventTriggered(new LinkEstablishedEvent(new byte[32], false, 2, HASH));
        channel.writeInbound(alloc.heapBuffer(stream.length).writeBytes(stream));
        boolean open = channel.isOpen();
        channel.finishAndReleaseAll();

        RecordOracle.checkRejections(sink.errors(), open);
        for (Object message : sink.messages()) {
            RecordOracle.checkRecord(message);
            if (message instanceof org.habarshy.core.sync.RttAnnounceRecord
                    || message instanceof org.habarshy.core.sync.RttUpdateRecord) {
                throw new AssertionError("a real-time-text record went past its handler");
            }
        }
        for (String draft : drafts) {
            if (draft.getBytes(StandardCharsets.UTF_8).length > RttLimits.MAX_TEXT_BYTES) {
                throw new AssertionError("a draft over the bound was shown");
            }
        }
        if (alloc.metric().usedHeapMemory() != 0 || alloc.metric().usedDirectMemory() != 0) {
            throw new AssertionError("a buffer was not released");
        }
    }

    @Test
    void seedCorpusMatchesItsRecipe() throws IOException, GeneralSecurityException {
        SeedCorpus.check(RttFuzzTest.class, "linkFrames", seeds());
    }

    /** A valid announce of the contact, then drafts; bad tags; an over-long draft; a draft before recognition. */
    static Map<String, byte[]> seeds() throws GeneralSecurityException {
        byte[] tag = ContactLinkTags.tag(ContactLinkTags.pairSecret(CONTACT, new ContactCard("own",
                new IdentityKey(new byte[32]), OWN.publicKey(), 0).agreementKey()), HASH, true);
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        byte[] announce = framed(announce(tag));
        seeds.put("announce-then-drafts", concat(announce, framed(update("Сәлем")), framed(update(""))));
        seeds.put("draft-before-announce", concat(framed(update("who?")), announce));
        seeds.put("announce-wrong-tag", framed(announce(new byte[16])));
        seeds.put("announce-tag-15-bytes", framed(announce(new byte[15])));
        seeds.put("announce-then-draft-1025-bytes", concat(announce, framed(update("x".repeat(1025)))));
        seeds.put("announce-withdrawn-then-draft", concat(announce, framed(announce()), framed(update("late"))));
        return seeds;
    }

    private static byte[] announce(byte[]... tags) {
        ByteBuffer inner = ByteBuffer.allocate(tags.length * 18 + 16);
        for (byte[] tag : tags) {
            inner.put((byte) 0x0A).put((byte) tag.length).put(tag);
        }
        return field(8, java.util.Arrays.copyOf(inner.array(), inner.position()));
    }

    private static byte[] update(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer inner = ByteBuffer.allocate(utf8.length + 8);
        inner.put((byte) 0x0A);
        putVarint(inner, utf8.length);
        inner.put(utf8);
        return field(9, java.util.Arrays.copyOf(inner.array(), inner.position()));
    }

    /** A length-delimited protobuf field. */
    private static byte[] field(int number, byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(body.length + 8);
        out.put((byte) (number << 3 | 2));
        putVarint(out, body.length);
        out.put(body);
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    private static void putVarint(ByteBuffer out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.put((byte) v);
    }

    private static byte[] framed(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }
}

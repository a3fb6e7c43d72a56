package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.habarshy.core.crypto.InvalidChannelPostException.Reason;
import org.junit.jupiter.api.Test;

/** Every way a channel post can be wrong is refused with its reason, and the signature is checked before decrypting. */
class ChannelPostFormatTest {
    private static final long NOW = 1_750_000_000_000L;
    private static final long LATER = NOW + 86_400_000L;
    private final SecureRandom random = new SecureRandom();
    private final SigningKeyPair channel = SigningKeyPair.generate(random);
    private final SubscriberSecret secret = SubscriberSecret.generate(random);

    private byte[] publicPost(String text) {
        return ChannelPostFormat.seal(channel, Optional.empty(), 7, ChannelPostFormat.SEVERITY_INFO, text, NOW, LATER,
                random);
    }

    private byte[] privatePost(String text) {
        return ChannelPostFormat.seal(channel, Optional.of(secret), 8, ChannelPostFormat.SEVERITY_URGENT, text, NOW,
                LATER, random);
    }

    private static Reason reasonOf(byte[] post, SigningKeyPair key, Optional<SubscriberSecret> secret) {
        try {
            ChannelPostFormat.open(post, key.publicKey(), secret);
        } catch (InvalidChannelPostException e) {
            return e.reason();
        }
        throw new AssertionError("post was accepted");
    }

    /** Re-signs {@code post} after a change, as a holder of the channel key could. */
    private byte[] resign(byte[] post) {
        int signed = post.length - 64;
        byte[] label = (DomainLabels.CHANNEL_POST + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] input = Concatenation.of(label, Arrays.copyOf(post, signed));
        System.arraycopy(channel.sign(input), 0, post, signed, 64);
        return post;
    }

    @Test
    void publicAndPrivatePostsOpenWithTheirKeys() throws Exception {
        OpenedChannelPost open = ChannelPostFormat.open(publicPost("Жол жабық"), channel.publicKey(), Optional.empty());
        assertThat(open).isEqualTo(new OpenedChannelPost(NOW, LATER, 7, 1, "Жол жабық"));
        OpenedChannelPost closed = ChannelPostFormat.open(privatePost("Дәрігер керек"), channel.publicKey(),
                Optional.of(secret));
        assertThat(closed.text()).isEqualTo("Дәрігер керек");
        assertThat(closed.severity()).isEqualTo(ChannelPostFormat.SEVERITY_URGENT);
    }

    @Test
    void shortPostsArePaddedToTheSmallestCarriedEnvelope() {
        assertThat(publicPost("x")).hasSize(ChannelPostFormat.MIN_BYTES);
        assertThat(privatePost("x")).hasSize(ChannelPostFormat.MIN_BYTES);
    }

    @Test
    void aForgedSignatureIsRefused() {
        byte[] post = publicPost("Water is safe");
        post[post.length - 1] ^= 1;
        assertThat(reasonOf(post, channel, Optional.empty())).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aPostSignedByAnotherKeyUnderThisChannelsKeyIsRefused() {
        SigningKeyPair impostor = SigningKeyPair.generate(random);
        byte[] forged = ChannelPostFormat.seal(impostor, Optional.empty(), 1, 3, "Evacuate now", NOW, LATER, random);
        System.arraycopy(channel.publicKey().bytes(), 0, forged, 18, 32); // claim the real channel
        assertThat(reasonOf(forged, channel, Optional.empty())).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(publicPost("hi"), impostor, Optional.empty()))
                .as("checked against the wrong channel").isEqualTo(Reason.OTHER_CHANNEL);
    }

    @Test
    void everyTamperedHeaderOrBodyByteIsRefused() {
        byte[] original = publicPost("Тасқын");
        for (int i = 2; i < original.length - 64; i++) {
            if (i >= 18 && i < 50) {
                continue; // the channel field: another channel, tested above
            }
            byte[] post = original.clone();
            post[i] ^= 0x01;
            assertThat(reasonOf(post, channel, Optional.empty())).as("byte " + i)
                    .isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED);
        }
        byte[] severity = original.clone();
        severity[53 + 8] = 2; // info -> warning: a forgery, not a parse error
        assertThat(reasonOf(severity, channel, Optional.empty())).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void privatePostsAreUnreadableWithoutTheSecretAndTheirTagsDoNotRepeat() {
        byte[] a = privatePost("Meeting at the school");
        byte[] b = privatePost("Meeting at the school");
        assertThat(Arrays.copyOfRange(a, 18, 50)).isNotEqualTo(Arrays.copyOfRange(b, 18, 50));
        assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("school");
        assertThat(reasonOf(a, channel, Optional.empty())).as("read as a public channel")
                .isEqualTo(Reason.OTHER_CHANNEL);
        assertThat(reasonOf(a, channel, Optional.of(SubscriberSecret.generate(random)))).as("another secret")
                .isEqualTo(Reason.OTHER_CHANNEL);
        assertThat(secret.matchesTag(Arrays.copyOfRange(a, 18, 50))).isTrue();
    }

    @Test
    void aCiphertextThatDoesNotDecryptUnderAValidSignatureIsUnreadable() {
        byte[] post = privatePost("Bread at 10");
        post[60] ^= 0x01;
        assertThat(reasonOf(post, channel, Optional.of(secret))).as("signature first").isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(resign(post), channel, Optional.of(secret))).isEqualTo(Reason.UNREADABLE);
    }

    @Test
    void malformedFramesAreRefusedBeforeAnyKeyIsUsed() {
        byte[] post = publicPost("ok");
        assertThat(reasonOf(Arrays.copyOf(post, 100), channel, Optional.empty())).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(new byte[ChannelPostFormat.MAX_BYTES + 1], channel, Optional.empty()))
                .isEqualTo(Reason.MALFORMED);
        byte[] kind = post.clone();
        kind[1] = 2;
        assertThat(reasonOf(kind, channel, Optional.empty())).isEqualTo(Reason.MALFORMED);
        byte[] mode = post.clone();
        mode[50] = 9;
        assertThat(reasonOf(mode, channel, Optional.empty())).isEqualTo(Reason.MALFORMED);
        byte[] length = publicPost("x".repeat(200)); // no padding to absorb a changed length
        length[52]++;
        assertThat(reasonOf(length, channel, Optional.empty())).isEqualTo(Reason.MALFORMED);
        byte[] padding = post.clone();
        padding[post.length - 65] = 1;
        assertThat(reasonOf(padding, channel, Optional.empty())).isEqualTo(Reason.MALFORMED);
        byte[] time = post.clone();
        ByteBuffer.wrap(time).putLong(10, NOW);
        assertThat(reasonOf(time, channel, Optional.empty())).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aSignedPayloadWithAnUnknownSeverityOrBadUtf8IsMalformed() {
        byte[] severity = publicPost("hello");
        severity[53 + 8] = 4;
        assertThat(reasonOf(resign(severity), channel, Optional.empty())).isEqualTo(Reason.MALFORMED);
        byte[] utf8 = publicPost("hello");
        utf8[53 + 9] = (byte) 0xC3; // a lead byte followed by ASCII
        assertThat(reasonOf(resign(utf8), channel, Optional.empty())).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void oversizeAndEmptyTextsCannotBeSealed() {
        String longest = "ә".repeat(ChannelPostFormat.MAX_TEXT_BYTES / 2);
        byte[] post = ChannelPostFormat.seal(channel, Optional.of(secret), 1, 1, longest, NOW, LATER, random);
        assertThat(post).hasSize(ChannelPostFormat.MAX_BYTES);
        assertThatThrownBy(() -> publicPost(longest + "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> publicPost("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChannelPostFormat.seal(channel, Optional.empty(), 1, 4, "x", NOW, LATER, random))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

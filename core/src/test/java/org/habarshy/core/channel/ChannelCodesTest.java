package org.habarshy.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Optional;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.crypto.SubscriberSecret;
import org.junit.jupiter.api.Test;

/** Channel codes and posting keys round-trip, and every damaged one says what is wrong. */
class ChannelCodesTest {
    private final SecureRandom random = new SecureRandom();
    private final ChannelCodes codes = new ChannelCodes();
    private final SigningKeyPair pair = SigningKeyPair.generate(random);
    private final ChannelKey key = new ChannelKey(pair.publicKey().bytes());

    @Test
    void publicAndPrivateCodesRoundTrip() throws Exception {
        String code = codes.code("Алмалы ауданы", key, Optional.empty());
        assertThat(code).startsWith("HC1");
        ChannelCode decoded = codes.decodeCode(code.toLowerCase().replaceAll("(.{8})", "$1-"));
        assertThat(decoded.name()).isEqualTo("Алмалы ауданы");
        assertThat(decoded.key()).isEqualTo(key);
        assertThat(decoded.isPrivate()).isFalse();
        assertThat(decoded.postingKey()).isEmpty();

        SubscriberSecret secret = SubscriberSecret.generate(random);
        ChannelCode closed = codes.decodeCode(codes.code("Үй", key, Optional.of(secret)));
        assertThat(closed.secret()).contains(secret);
    }

    @Test
    void aPostingKeyCarriesTheKeyPairAndIsNotAChannelCode() throws Exception {
        SubscriberSecret secret = SubscriberSecret.generate(random);
        String posting = codes.postingKey("News", pair, Optional.of(secret));
        assertThat(posting).startsWith("HP1");
        ChannelCode decoded = codes.decodePostingKey(posting);
        assertThat(decoded.key()).isEqualTo(key);
        assertThat(decoded.postingKey()).get().extracting(SigningKeyPair::publicKey).isEqualTo(pair.publicKey());
        assertThat(decoded.toString()).doesNotContain(posting.substring(3, 20));
        assertThatThrownBy(() -> codes.decodeCode(posting)).isInstanceOf(InvalidChannelCodeException.class)
                .hasMessageContaining("posting key, not a channel code");
        String code = codes.code("News", key, Optional.empty());
        assertThatThrownBy(() -> codes.decodePostingKey(code)).hasMessageContaining("channel code, not a posting key");
    }

    @Test
    void damagedCodesAreRefusedWithAReason() {
        String code = codes.code("News", key, Optional.empty());
        char last = code.charAt(10);
        String typo = code.substring(0, 10) + (last == 'A' ? 'B' : 'A') + code.substring(11);
        assertThatThrownBy(() -> codes.decodeCode(typo)).hasMessageContaining("checksum");
        assertThatThrownBy(() -> codes.decodeCode("HB1AAAA")).hasMessageContaining("should start with HC1");
        assertThatThrownBy(() -> codes.decodeCode("HC1!!")).hasMessageContaining("mistyped");
        assertThatThrownBy(() -> codes.decodeCode("HC1AAAA")).hasMessageContaining("too short");
        assertThatThrownBy(() -> codes.decodeCode("HC1" + "A".repeat(600))).hasMessageContaining("too long");
        assertThatThrownBy(() -> codes.code("", key, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.code("a\nb", key, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.code("ә".repeat(33), key, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.code("news\u202Egnp.exe", key, Optional.empty())).as("bidi override")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.code("ne\u200Bws", key, Optional.empty())).as("zero-width space")
                .isInstanceOf(IllegalArgumentException.class);
    }
}

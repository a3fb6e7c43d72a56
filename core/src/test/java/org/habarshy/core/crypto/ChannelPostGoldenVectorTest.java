package org.habarshy.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import org.habarshy.core.api.identity.IdentityKey;
import org.junit.jupiter.api.Test;

/**
 * Channel posts (docs/PROTOCOL.md §12) byte for byte against values computed independently by
 * {@code src/test/resources/crypto/golden_channel_post_v1.py} (Python {@code cryptography}, OpenSSL).
 */
class ChannelPostGoldenVectorTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SEED = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] SECRET = HEX.parseHex(
            "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f");
    private static final byte[] TAG_NONCE = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
    private static final long CREATED = 1_700_000_000_000L;
    private static final long EXPIRES = CREATED + 3 * 86_400_000L;
    private static final long SEQUENCE = 1_700_000_000_000L;
    private static final String TEXT = "Су тасқыны: көпірден аулақ болыңыз!";
    private static final String CHANNEL_KEY = "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8";
    private static final String PUBLIC_POST = "01030000018bcfe568000000018bdf587c0003a107bff3ce10be1d70dd18e74bc0996"
            + "7e4d6309ba50d5f1ddc8664125531b80100490000018bcfe5680002d0a1d18320d182d0b0d181d29bd18bd0bdd18b3a20d0bad3a9"
            + "d0bfd196d180d0b4d0b5d0bd20d0b0d183d0bbd0b0d29b20d0b1d0bed0bbd18bd2a3d18bd0b72100000000174447323daf86269e91"
            + "b4fa847c79022da964cb277c0208ece40b7fa009bd727d805d9eb761ad25f7459b3ab662d466a01f8bffadcd978162dbaaeef6a94"
            + "c04";
    private static final String PUBLIC_ID = "50992fee620333764d483f323195e73637ab01a32a6ef16e438f9c2bdd831990";
    private static final String PRIVATE_POST = "01030000018bcfe568000000018bdf587c00a0a1a2a3a4a5a6a7a8a9aaabacadaeaf4154"
            + "815a90a905961a57b7543bfa2260020059d25a2f8ee99e283d624c8a3f4df276ddf2a8741ca65e1179ab9bca69653876f9e59819ca"
            + "d8512ae36845f8bc31ca343181167c6bada77fcb2d358d653e898e7fd45f5f3e75f9077bc0b32f5fc8729a030de669fc0121e47b01"
            + "291a8b9a618957974a75161bfb4920d07b63731a7ce028028abde1186a10ddf8983357f354bfc07d2f754d54e6942e59215b46b1d0"
            + "8606e50b6d36ff4874420e";

    @Test
    void publicPostMatchesTheIndependentVector() throws Exception {
        SigningKeyPair key = SigningKeyPair.fromSeed(SEED);
        assertThat(key.publicKey().hex()).isEqualTo(CHANNEL_KEY);
        byte[] post = ChannelPostFormat.seal(key, Optional.empty(), SEQUENCE, ChannelPostFormat.SEVERITY_WARNING,
                TEXT, CREATED, EXPIRES, new ScriptedRandom());
        assertThat(HEX.formatHex(post)).isEqualTo(PUBLIC_POST);
        assertThat(EnvelopeFormat.idOf(post).hex()).isEqualTo(PUBLIC_ID);
        OpenedChannelPost opened = ChannelPostFormat.open(HEX.parseHex(PUBLIC_POST), key.publicKey(),
                Optional.empty());
        assertThat(opened).isEqualTo(new OpenedChannelPost(CREATED, EXPIRES, SEQUENCE,
                ChannelPostFormat.SEVERITY_WARNING, TEXT));
    }

    @Test
    void privatePostMatchesTheIndependentVector() throws Exception {
        SigningKeyPair key = SigningKeyPair.fromSeed(SEED);
        SubscriberSecret secret = SubscriberSecret.of(SECRET);
        byte[] post = ChannelPostFormat.seal(key, Optional.of(secret), SEQUENCE, ChannelPostFormat.SEVERITY_URGENT,
                TEXT, CREATED, EXPIRES, new ScriptedRandom(TAG_NONCE));
        assertThat(HEX.formatHex(post)).isEqualTo(PRIVATE_POST);
        OpenedChannelPost opened = ChannelPostFormat.open(HEX.parseHex(PRIVATE_POST),
                new IdentityKey(HEX.parseHex(CHANNEL_KEY)), Optional.of(secret));
        assertThat(opened.text()).isEqualTo(TEXT);
        assertThat(opened.severity()).isEqualTo(ChannelPostFormat.SEVERITY_URGENT);
    }
}

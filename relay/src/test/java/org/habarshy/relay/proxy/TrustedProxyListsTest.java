package org.habarshy.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.relay.proxy.InvalidDocumentException.Reason;
import org.junit.jupiter.api.Test;

class TrustedProxyListsTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final ProxyEndpoint A = ProxyEndpoint.parse("socks5://10.0.0.1:1080");
    private static final ProxyEndpoint B = ProxyEndpoint.parse("http://proxy.example.kz:3128");
    private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    private final SigningKeyPair trustedKey = ProxyListFixtures.newKey();
    private final TrustedProxyLists lists = new TrustedProxyLists(Set.of(trustedKey.publicKey()), clock);

    private static Reason refusal(TrustedProxyLists lists, byte[] envelope) {
        try {
            lists.accept(envelope);
        } catch (InvalidDocumentException e) {
            return e.reason();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aCurrentListFromATrustedKeyAllowsItsProxiesOnly() throws Exception {
        ProxyList list = lists.accept(ProxyListFixtures.list(trustedKey, NOW - 1_000, Duration.ofDays(7), List.of(A, B)));
        assertThat(list.proxies()).containsExactly(A, B);
        assertThat(lists.allowed()).containsExactly(A, B);
        assertThat(lists.allows(A)).isTrue();
        assertThat(lists.allows(ProxyEndpoint.parse("socks5://10.0.0.2:1080"))).isFalse();
        assertThat(lists.allows(ProxyEndpoint.parse("http://10.0.0.1:1080"))).as("same address, other kind").isFalse();
    }

    @Test
    void nothingIsAllowedBeforeAListArrives() {
        assertThat(lists.allowed()).isEmpty();
        assertThat(lists.allows(A)).isFalse();
    }

    @Test
    void anUntrustedSignerIsRefused() {
        byte[] list = ProxyListFixtures.list(ProxyListFixtures.newKey(), NOW, Duration.ofDays(1), List.of(A));
        assertThat(refusal(lists, list)).isEqualTo(Reason.UNTRUSTED_SIGNER);
        assertThat(lists.allowed()).isEmpty();
    }

    @Test
    void anExpiredListIsRefused() {
        byte[] list = ProxyListFixtures.list(trustedKey, NOW - Duration.ofDays(2).toMillis(), Duration.ofDays(1),
                List.of(A));
        assertThat(refusal(lists, list)).isEqualTo(Reason.EXPIRED);
        assertThat(lists.allowed()).isEmpty();
    }

    @Test
    void aListFromTheFutureOrLivingTooLongIsRefused() {
        byte[] future = ProxyListFixtures.list(trustedKey, NOW + Duration.ofDays(2).toMillis(), Duration.ofDays(1),
                List.of(A));
        byte[] tooLong = ProxyListFixtures.list(trustedKey, NOW, Duration.ofDays(31), List.of(A));
        assertThat(refusal(lists, future)).isEqualTo(Reason.EXPIRED);
        assertThat(refusal(lists, tooLong)).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void aBadlySignedListIsRefusedEvenFromATrustedKey() {
        byte[] list = ProxyListFixtures.list(trustedKey, NOW, Duration.ofDays(1), List.of(A));
        list[60] ^= 1;
        assertThat(refusal(lists, list)).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(lists.allowed()).isEmpty();
    }

    @Test
    void aNewerListReplacesTheOlderOneAndAnOlderOneIsIgnored() throws Exception {
        byte[] older = ProxyListFixtures.list(trustedKey, NOW - 10_000, Duration.ofDays(1), List.of(A));
        byte[] newer = ProxyListFixtures.list(trustedKey, NOW - 5_000, Duration.ofDays(1), List.of(B));
        lists.accept(newer);
        assertThat(refusal(lists, older)).isEqualTo(Reason.SUPERSEDED);
        assertThat(lists.allowed()).containsExactly(B);
    }

    @Test
    void aListThatExpiresWhileHeldStopsAllowing() throws Exception {
        Clock[] now = {clock};
        TrustedProxyLists moving = new TrustedProxyLists(Set.of(trustedKey.publicKey()), new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0].instant();
            }
        });
        moving.accept(ProxyListFixtures.list(trustedKey, NOW, Duration.ofHours(1), List.of(A)));
        assertThat(moving.allowed()).containsExactly(A);
        now[0] = Clock.offset(clock, Duration.ofHours(2));
        assertThat(moving.allowed()).isEmpty();
        assertThat(moving.currentLists()).isZero();
    }
}

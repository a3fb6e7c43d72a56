package org.habarshy.desktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PeerAddressTest {
    @Test
    void parsesHostsIpv4AndBracketedIpv6() {
        assertThat(PeerAddress.parse(" 192.168.1.7:7454 ")).isEqualTo(new PeerAddress("192.168.1.7", 7454));
        assertThat(PeerAddress.parse("relay.example:1")).isEqualTo(new PeerAddress("relay.example", 1));
        PeerAddress v6 = PeerAddress.parse("[fe80::1]:7000");
        assertThat(v6).isEqualTo(new PeerAddress("fe80::1", 7000));
        assertThat(v6.toString()).isEqualTo("[fe80::1]:7000");
        assertThat(v6.toUnresolved().isUnresolved()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", ":7454", "host:", "host:0", "host:65536", "host:12a", "fe80::1:7000",
        "two words:80", "host:999999"})
    void refusesMalformedPeersWithAReason(String text) {
        assertThatThrownBy(() -> PeerAddress.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("peer");
    }
}

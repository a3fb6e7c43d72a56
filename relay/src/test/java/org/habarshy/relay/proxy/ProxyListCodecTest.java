package org.habarshy.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyListCodecTest {
    @Test
    void encodesTheDocumentedLayout() throws Exception {
        List<ProxyEndpoint> proxies = List.of(ProxyEndpoint.parse("socks5://127.0.0.1:1080"),
                ProxyEndpoint.parse("http://[::1]:8080"));
        byte[] body = ProxyListCodec.encode(proxies);
        assertThat(HexFormat.of().formatHex(body)).isEqualTo(
                "02" + "01" + "09" + "3132372e302e302e31" + "0438" + "02" + "03" + "3a3a31" + "1f90");
        assertThat(ProxyListCodec.decode(body)).isEqualTo(proxies);
    }

    @Test
    void refusesBadBodies() {
        byte[] good = ProxyListCodec.encode(List.of(ProxyEndpoint.parse("socks5://a:1")));
        List<byte[]> bad = new ArrayList<>();
        bad.add(new byte[0]);
        bad.add(new byte[] {0});
        bad.add(new byte[] {65});
        for (int n = 1; n < good.length; n++) {
            bad.add(Arrays.copyOf(good, n));
        }
        bad.add(Arrays.copyOf(good, good.length + 1));
        byte[] unknownKind = good.clone();
        unknownKind[1] = 9;
        bad.add(unknownKind);
        byte[] badHost = good.clone();
        badHost[3] = '/';
        bad.add(badHost);
        byte[] zeroPort = good.clone();
        zeroPort[4] = 0;
        zeroPort[5] = 0;
        bad.add(zeroPort);
        for (byte[] b : bad) {
            assertThatThrownBy(() -> ProxyListCodec.decode(b)).as(HexFormat.of().formatHex(b))
                    .isInstanceOf(InvalidDocumentException.class);
        }
    }

    @Test
    void parsesConfigurationUrisAndRefusesOthers() {
        assertThat(ProxyEndpoint.parse("SOCKS5://Proxy.Example:1080"))
                .isEqualTo(new ProxyEndpoint(ProxyKind.SOCKS5, "proxy.example", 1080));
        for (String bad : List.of("proxy:1080", "ftp://a:1", "socks5://a", "socks5://a:0", "socks5://a:x",
                "socks5://a b:1", "socks5://:1")) {
            assertThatThrownBy(() -> ProxyEndpoint.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void labelsHideTheAddress() {
        ProxyEndpoint p = ProxyEndpoint.parse("socks5://10.1.2.3:1080");
        assertThat(p.label()).matches("socks5#[0-9a-f]{8}").doesNotContain("10.1.2.3");
        assertThat(p.toString()).doesNotContain("10.1.2.3").doesNotContain("1080");
    }
}

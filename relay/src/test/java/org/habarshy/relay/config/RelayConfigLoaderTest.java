package org.habarshy.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.habarshy.relay.proxy.ProxyEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayConfigLoaderTest {
    @TempDir
    Path dir;

    private RelayConfig load(String text) throws Exception {
        Path file = dir.resolve("relay.properties");
        Files.writeString(file, text);
        return RelayConfigLoader.load(file);
    }

    @Test
    void anEmptyFileGivesTheEmbeddedDefaults() throws Exception {
        RelayConfig c = load("");
        assertThat(c.dataDir()).isEqualTo(dir.resolve("relay-data"));
        assertThat(c.name()).isEqualTo("relay");
        assertThat(c.passphraseFile()).isEmpty();
        assertThat(c.node().port()).isEqualTo(7455);
        assertThat(c.node().mdns()).isFalse();
        assertThat(c.node().bindAddress()).isEmpty();
        assertThat(c.federation()).isEmpty();
        assertThat(c.trustedListSigners()).isEmpty();
        assertThat(c.proxyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.proxyRetry()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.healthInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.sms()).isEmpty();
    }

    @Test
    void theSampleFileLoads() throws Exception {
        Path sample = Path.of("relay.sample.properties");
        RelayConfig c = RelayConfigLoader.load(sample);
        assertThat(c.federation()).extracting(FederationPeer::name).containsExactly("almaty", "shymkent");
        assertThat(c.trustedListSigners()).hasSize(1);
    }

    @Test
    void readsFederationPeersProxiesTrustKeysAndSmsSettings() throws Exception {
        RelayConfig c = load(String.join("\n",
                "data.dir=/var/lib/relay",
                "listen.bind=127.0.0.1",
                "listen.port=0",
                "mesh.peers=127.0.0.1:7454, [::1]:7456",
                "federation.peers=r2, r3",
                "federation.r2.address=relay2.example.kz:7455",
                "federation.r2.route=proxy",
                "federation.r2.proxies=socks5://10.0.0.1:1080, http://10.0.0.2:3128",
                "federation.r3.address=10.1.1.1:7455",
                "federation.r3.route=direct",
                "proxy.trust.keys=" + "ab".repeat(32),
                "proxy.list.files=lists/a.hbpl",
                "sms.gateway.1.type=smpp",
                ""));
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/relay"));
        assertThat(c.node().staticPeers()).hasSize(2);
        assertThat(c.federation()).containsExactly(
                new FederationPeer("r2", "relay2.example.kz", 7455, Route.PROXY, List.of(
                        ProxyEndpoint.parse("socks5://10.0.0.1:1080"), ProxyEndpoint.parse("http://10.0.0.2:3128"))),
                new FederationPeer("r3", "10.1.1.1", 7455, Route.DIRECT, List.of()));
        assertThat(c.proxyListFiles()).containsExactly(dir.resolve("lists/a.hbpl"));
        assertThat(c.sms()).containsEntry("sms.gateway.1.type", "smpp");
    }

    @Test
    void badFilesAreRefusedNamingTheKey() {
        String key = "ab".repeat(32);
        String[][] cases = {
            {"listen.prot=7455", "unknown key 'listen.prot'"},
            {"listen.port=70000", "listen.port"},
            {"mdns=yes", "mdns must be true or false"},
            {"listen.bind=relay.example", "listen.bind"},
            {"mesh.peers=nohost", "mesh.peers"},
            {"federation.peers=R2!", "not a valid name"},
            {"federation.peers=r2", "federation.r2.address is required"},
            {"federation.peers=r2\nfederation.r2.address=h:0", "port must be"},
            {"federation.peers=r2\nfederation.r2.address=h:1\nfederation.r2.route=tor", "route must be"},
            {"federation.peers=r2\nfederation.r2.address=h:1\nfederation.r2.proxies=ftp://a:1", "unknown proxy scheme"},
            {"federation.peers=r2\nfederation.r2.address=h:1\nfederation.r2.route=direct\n"
                    + "federation.r2.proxies=socks5://a:1", "only for route=proxy"},
            {"federation.r9.address=h:1", "unknown key"},
            {"proxy.trust.keys=" + key.substring(2), "64 hexadecimal digits"},
            {"proxy.retry.seconds=0", "proxy.retry.seconds"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> load(c[0])).as(c[0]).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(c[1]);
        }
    }
}

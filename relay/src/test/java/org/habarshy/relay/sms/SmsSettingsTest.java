package org.habarshy.relay.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.habarshy.relay.sms.gateway.SmsGateway;
import org.junit.jupiter.api.Test;

class SmsSettingsTest {
    @Test
    void readsLimitsWithDefaultsForMissingKeys() {
        SmsBridgeConfig c = new SmsSettings(Map.of("sms.gateway", "http", "sms.budget.daily", "120",
                "sms.reassembly.expire-after", "3h", "sms.tick", "500ms")).bridgeConfig();
        assertThat(c.dailyBudget()).isEqualTo(120);
        assertThat(c.expireIncompleteAfter()).isEqualTo(Duration.ofHours(3));
        assertThat(c.tick()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.perOriginDaily()).isEqualTo(SmsBridgeConfig.defaults().perOriginDaily());
    }

    @Test
    void buildsEachGatewayKind() {
        try (SmsGateway smpp = new SmsSettings(Map.of("sms.gateway", "smpp", "sms.smpp.host", "127.0.0.1",
                "sms.smpp.system-id", "relay", "sms.smpp.password", "pw", "sms.smpp.source-address", "77010000001"))
                .gateway()) {
            assertThat(smpp.name()).isEqualTo("smpp");
        }
        try (SmsGateway http = new SmsSettings(Map.of("sms.gateway", "http", "sms.http.send-url",
                "http://127.0.0.1:1/send?to={to}&hex={hex}", "sms.http.receive-address", "127.0.0.1:0")).gateway()) {
            assertThat(http.name()).isEqualTo("http");
        }
        try (SmsGateway modem = new SmsSettings(Map.of("sms.gateway", "modem", "sms.modem.port", "/dev/ttyUSB0"))
                .gateway()) {
            assertThat(modem.name()).isEqualTo("modem");
        }
    }

    @Test
    void errorsNameTheKeyButNotTheValue() {
        assertThatThrownBy(() -> new SmsSettings(Map.of("sms.gateway", "smpp")).gateway())
                .hasMessage("missing config key sms.smpp.host");
        assertThatThrownBy(() -> new SmsSettings(Map.of("sms.gateway", "pigeon")).gateway())
                .hasMessageContaining("smpp, http or modem");
        assertThatThrownBy(() -> new SmsSettings(Map.of("sms.budget.daily", "s3cret-77010000001")).bridgeConfig())
                .hasMessage("config key sms.budget.daily must be an integer");
        assertThatThrownBy(() -> new SmsSettings(Map.of("sms.tick", "soon")).bridgeConfig())
                .hasMessageNotContaining("soon");
        assertThat(new SmsSettings(Map.of()).enabled()).isFalse();
    }

    @Test
    void readsPeersAndForwardingWithoutEverPrintingANumber() {
        SmsSettings settings = new SmsSettings(Map.of("sms.gateway", "smpp", "sms.peer.taraz", "+7 701 000-00-11",
                "sms.peer.almaty", "+77010000022", "sms.forward.max-segments", "4", "sms.forward.interval", "5s"));
        assertThat(settings.peers()).extracting(SmsPeer::name).containsExactly("almaty", "taraz");
        assertThat(settings.peers().get(1).number().e164()).isEqualTo("+77010000011");
        assertThat(settings.peers().toString()).doesNotContain("7701");
        assertThat(settings.forwarding()).isEqualTo(new SmsForwarding(Duration.ofSeconds(5),
                SmsForwarding.defaults().batch(), 4, SmsForwarding.defaults().maxAge()));
        assertThat(settings.storeFile(java.nio.file.Path.of("/data"))).isEqualTo(java.nio.file.Path.of("/data/sms.db"));
    }

    @Test
    void badPeersAndForwardingAreRefusedNamingTheKeyOnly() {
        assertThatThrownBy(() -> new SmsSettings(Map.of("sms.peer.taraz", "77010000011x")).peers())
                .hasMessage("config key sms.peer.taraz must be an international phone number");
        assertThatThrownBy(() -> new SmsSettings(Map.of("sms.peer.Taraz!", "+77010000011")).peers())
                .hasMessageStartingWith("config key sms.peer.Taraz!:").hasMessageNotContaining("7701");
        assertThatThrownBy(() -> new SmsSettings(Map.of("sms.peer.a", "+77010000011", "sms.peer.b", "+77010000011"))
                .peers()).hasMessage("config key sms.peer.b repeats the number of another SMS peer");
        assertThatThrownBy(() -> new SmsSettings(Map.of("sms.forward.max-segments", "17")).forwarding())
                .hasMessageContaining("max-segments 1..16");
    }

    @Test
    void bridgeKeysWithoutAGatewayAreAMistakeButOtherSmsKeysAreNot() {
        assertThatThrownBy(() -> new SmsSettings(Map.of("sms.peer.taraz", "+77010000011")).enabled())
                .hasMessage("config key sms.peer.taraz is given but sms.gateway is missing");
        assertThat(new SmsSettings(Map.of("sms.test-bridge", "on")).enabled()).isFalse();
        assertThat(new SmsSettings(Map.of("sms.gateway", "smpp")).enabled()).isTrue();
    }
}

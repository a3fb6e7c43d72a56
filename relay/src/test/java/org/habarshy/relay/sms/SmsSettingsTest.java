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
}

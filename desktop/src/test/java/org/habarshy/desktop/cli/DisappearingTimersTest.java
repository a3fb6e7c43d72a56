package org.habarshy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DisappearingTimersTest {
    @ParameterizedTest
    @CsvSource({"off, 0, off", "OFF, 0, off", "30s, 30, 30s", "10m, 600, 10m", "90m, 5400, 90m", "1h, 3600, 1h",
            "24h, 86400, 1d", "7d, 604800, 1w", "2w, 1209600, 2w", "365d, 31536000, 365d"})
    void parsesAndFormats(String text, long seconds, String formatted) {
        Duration d = DisappearingTimers.parse(text);
        assertThat(d).isEqualTo(Duration.ofSeconds(seconds));
        if (seconds > 0) {
            assertThat(DisappearingTimers.format(d)).isEqualTo(formatted);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "9s", "366d", "53w", "1y", "01h", "1.5h", "-1h", "h", "99999999s", "1 h"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> DisappearingTimers.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timer");
    }
}

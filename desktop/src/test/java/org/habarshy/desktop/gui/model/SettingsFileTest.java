package org.habarshy.desktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path tmp;

    @Test
    void savedSettingsLoadBackEqual() throws IOException {
        SettingsFile file = new SettingsFile(tmp.resolve("conf/habarshy/desktop.properties"), tmp.resolve("data"));
        Settings settings = new Settings(Language.RU, Theme.HIGH_CONTRAST, 170, tmp.resolve("мои данные"), 7455,
                false, List.of(PeerAddress.parse("10.0.0.2:7454"), PeerAddress.parse("[fe80::1]:7000")), true);
        file.save(settings);
        assertThat(file.load()).isEqualTo(settings);
    }

    @Test
    void aMissingFileGivesTheDefaults() throws IOException {
        Settings loaded = new SettingsFile(tmp.resolve("none.properties"), tmp.resolve("data")).load();
        assertThat(loaded.dataDir()).isEqualTo(tmp.resolve("data"));
        assertThat(loaded.theme()).isEqualTo(Theme.LIGHT);
        assertThat(loaded.fontScalePercent()).isEqualTo(100);
        assertThat(loaded.port()).isEqualTo(7454);
        assertThat(loaded.mdns()).isTrue();
        assertThat(loaded.flashBorder()).isFalse();
    }

    @Test
    void badValuesFallBackToDefaultsAndBadPeersAreDropped() throws IOException {
        Path path = tmp.resolve("desktop.properties");
        Files.writeString(path, "language=xx\ntheme=PURPLE\nfontScale=900\nport=-1\nmdns=maybe\n"
                + "peers=nohost,10.0.0.9:7454,:80,host:99999\n", StandardCharsets.UTF_8);
        Settings loaded = new SettingsFile(path, tmp.resolve("data")).load();
        assertThat(loaded.theme()).isEqualTo(Theme.LIGHT);
        assertThat(loaded.fontScalePercent()).isEqualTo(100);
        assertThat(loaded.port()).isEqualTo(7454);
        assertThat(loaded.mdns()).isTrue();
        assertThat(loaded.manualPeers()).containsExactly(new PeerAddress("10.0.0.9", 7454));
    }

    @Test
    void anOversizedFileIsRefusedWithItsReason() throws IOException {
        Path path = tmp.resolve("desktop.properties");
        Files.write(path, new byte[(int) SettingsFile.MAX_BYTES + 1]);
        assertThatThrownBy(() -> new SettingsFile(path, tmp).load()).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void settingsRefuseOutOfRangeValues() {
        assertThatThrownBy(() -> Settings.defaults(tmp).withFontScale(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Settings.defaults(tmp).withFontScale(201)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Settings.defaults(tmp).withNetwork(tmp, 65_536, true, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

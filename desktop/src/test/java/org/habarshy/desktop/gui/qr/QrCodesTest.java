package org.habarshy.desktop.gui.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.habarshy.core.node.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrCodesTest {
    @TempDir
    Path tmp;

    @Test
    void aContactCodeSurvivesDrawingAndReadingBack() throws Exception {
        String code;
        try (Account account = Account.create(tmp.resolve("a"), "Айгерім", Clock.systemUTC())) {
            code = account.contactCode();
        }
        Path png = tmp.resolve("code.png");
        QrCodes.writePng(code, 320, png);
        assertThat(QrCodes.read(png)).isEqualTo(code);
    }

    @Test
    void aFileThatIsNotAnImageGetsAClearError() throws IOException {
        Path file = tmp.resolve("not.png");
        Files.writeString(file, "hello", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> QrCodes.read(file)).isInstanceOf(IOException.class).hasMessageContaining("image");
    }

    @Test
    void anImageWithoutACodeGetsAClearError() throws IOException {
        Path file = tmp.resolve("blank.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(200, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        assertThatThrownBy(() -> QrCodes.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("no readable QR code");
    }

    @Test
    void anOversizedFileIsRefusedBeforeDecoding() throws IOException {
        Path file = tmp.resolve("huge.png");
        try (var out = Files.newOutputStream(file)) {
            out.write(new byte[(int) QrCodes.MAX_FILE_BYTES + 1]);
        }
        assertThatThrownBy(() -> QrCodes.read(file)).isInstanceOf(IOException.class).hasMessageContaining("MiB");
    }

    @Test
    void anImageWithHugeDeclaredDimensionsIsRefusedBeforeDecoding() throws IOException {
        // A valid PNG header claiming 100000 x 100000 pixels, with no pixel data.
        byte[] png = java.util.HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000186a0000186a00802000000");
        Path file = tmp.resolve("bomb.png");
        Files.write(file, png);
        assertThatThrownBy(() -> QrCodes.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("pixels per side");
    }
}

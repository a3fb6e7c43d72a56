package org.habarshy.desktop.gui.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Previews are bounded in size, decode huge images not at all, and treat garbage as "no preview". */
public class ThumbnailsTest {
    public static byte[] png(int width, int height, int type) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, type), "png", out);
        return out.toByteArray();
    }

    @Test
    void aPhotoIsScaledToTheRequestedSide() throws Exception {
        BufferedImage thumb = Thumbnails.of(png(2000, 1000, BufferedImage.TYPE_INT_RGB), 48).orElseThrow();
        assertThat(thumb.getWidth()).isEqualTo(48);
        assertThat(thumb.getHeight()).isEqualTo(24);
        assertThat(Thumbnails.of(png(10, 20, BufferedImage.TYPE_INT_RGB), 48).orElseThrow().getHeight())
                .as("small images are not enlarged").isEqualTo(20);
    }

    @Test
    void tooManyPixelsOrGarbageGiveNoPreview() throws Exception {
        assertThat(Thumbnails.of(png(8000, 7000, BufferedImage.TYPE_BYTE_BINARY), 48)).isEmpty();
        assertThat(Thumbnails.of("not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8), 48)).isEmpty();
        byte[] truncated = java.util.Arrays.copyOf(png(100, 100, BufferedImage.TYPE_INT_RGB), 60);
        assertThat(Thumbnails.of(truncated, 48)).isEmpty();
        assertThat(Thumbnails.of(new byte[0], 48)).isEmpty();
    }
}

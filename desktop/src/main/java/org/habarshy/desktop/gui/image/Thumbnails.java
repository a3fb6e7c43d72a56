package org.habarshy.desktop.gui.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Makes small previews of received photos without trusting them: the header's dimensions are checked before any
 * pixels are decoded (at most {@link #MAX_PIXELS}), decoding subsamples so that no more than about four times the
 * thumbnail's side is ever held, and any decoder failure is just "no preview". Needs no display.
 */
public final class Thumbnails {
    /** Largest image (width x height, from its header) this decodes at all. */
    public static final long MAX_PIXELS = 50_000_000L;

    private Thumbnails() {
    }

    /** Returns a thumbnail of at most {@code maxSide} pixels a side, or empty if it is not a readable image. */
    public static Optional<BufferedImage> of(byte[] image, int maxSide) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1 || width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.max(width, height) / (4L * maxSide));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.of(scale(reader.read(0, param), maxSide));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException | java.awt.AWTError e) {
            // A decoder bug or a missing display for drawing is "no preview", never a dead worker thread.
            return Optional.empty();
        }
    }

    private static BufferedImage scale(BufferedImage source, int maxSide) {
        double factor = Math.min(1.0, (double) maxSide / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}

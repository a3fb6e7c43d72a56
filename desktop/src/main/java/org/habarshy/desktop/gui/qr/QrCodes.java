package org.habarshy.desktop.gui.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageConfig;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * QR codes of contact codes (ZXing): drawn for the "my code" screen, read back from an image file a contact sent
 * or photographed. Image files are bounded before decoding so a hostile file cannot exhaust memory.
 */
public final class QrCodes {
    /** Largest image file read, in bytes. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Largest image read, in pixels per side. */
    public static final int MAX_SIDE = 8_000;
    /** Longest text decoded from a QR code (a contact code is far shorter). */
    public static final int MAX_TEXT = 1_024;

    private QrCodes() {
    }

    /** Draws {@code text} as a black-on-white QR code about {@code size} pixels wide, with a quiet zone. */
    public static BufferedImage draw(String text, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            return MatrixToImageWriter.toBufferedImage(matrix, new MatrixToImageConfig());
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit in a QR code", e);
        }
    }

    /** Writes {@code text} as a PNG QR code to {@code file}. */
    public static void writePng(String text, int size, Path file) throws IOException {
        if (!ImageIO.write(draw(text, size), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    /**
     * Reads the QR code in the image {@code file} (PNG, JPEG, GIF, BMP) and returns its text; throws
     * {@link IOException} with the reason when the file is too large, not an image, or holds no readable QR code.
     */
    public static String read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("the image file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB");
        }
        BufferedImage image = boundedImage(file);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            String text = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
            if (text.length() > MAX_TEXT) {
                throw new IOException("the QR code holds more text than a contact code");
            }
            return text;
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new IOException("no readable QR code in the image", e);
        }
    }

    private static BufferedImage boundedImage(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            var readers = stream == null ? java.util.Collections.<ImageReader>emptyIterator()
                    : ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new IOException("the file is not an image this app can read (PNG, JPEG, GIF, BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw new IOException("the image is larger than " + MAX_SIDE + " pixels per side");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}

package vn.ocop.portal.traceability;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A QR code (ZXing, error correction M) drawn module by module with the standard quiet zone of four modules, so
 * every module is a whole number of pixels and the image scans from a small print.
 */
public final class QrCode {

    public static final int QUIET_ZONE = 4;

    static {
        // No temporary files for PNG output: faster, and nothing left open when the server stops mid-request.
        ImageIO.setUseCache(false);
    }

    private final ByteMatrix matrix;

    private QrCode(ByteMatrix matrix) {
        this.matrix = matrix;
    }

    public static QrCode of(String text) {
        try {
            // A stamp address is ASCII: no character set hint, whose ECI header would cost a QR version.
            Map<EncodeHintType, ?> hints =
                    StandardCharsets.US_ASCII.newEncoder().canEncode(text)
                            ? Map.of()
                            : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            return new QrCode(
                    Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix());
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + text + " as a QR code", e);
        }
    }

    /** Modules per side, quiet zone included. */
    public int modules() {
        return matrix.getWidth() + 2 * QUIET_ZONE;
    }

    /** The QR version (1–40): 21 modules for version 1, four more per version. */
    public int version() {
        return (matrix.getWidth() - 17) / 4;
    }

    public boolean dark(int x, int y) {
        return matrix.get(x, y) == 1;
    }

    /** A black-and-white PNG at most {@code size} pixels wide, with whole-pixel modules. */
    public byte[] png(int size) {
        int scale = Math.max(1, size / modules());
        int side = modules() * scale;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] white = new int[scale * scale];
        java.util.Arrays.fill(white, 1);
        for (int y = 0; y < modules(); y++) {
            for (int x = 0; x < modules(); x++) {
                int mx = x - QUIET_ZONE;
                int my = y - QUIET_ZONE;
                boolean isDark =
                        mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight() && dark(mx, my);
                if (!isDark) {
                    raster.setPixels(x * scale, y * scale, scale, scale, white);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(side * side / 8 + 256);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An SVG in module units: one path of horizontal runs of dark modules, on a white square. */
    public String svg() {
        int side = modules();
        StringBuilder path = new StringBuilder(matrix.getWidth() * matrix.getHeight());
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!dark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && dark(x, y)) {
                    x++;
                }
                path.append('M')
                        .append(start + QUIET_ZONE)
                        .append(' ')
                        .append(y + QUIET_ZONE)
                        .append('h')
                        .append(x - start)
                        .append("v1h-")
                        .append(x - start)
                        .append('z');
            }
        }
        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">\
                <rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>
                """.formatted(side, side, side, side, path);
    }
}

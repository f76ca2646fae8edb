package vn.ocop.portal.traceability.issuing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads a stamp sheet back as a printer and a phone would: every page rendered at 300 dpi, every label's QR square
 * cut out and decoded with ZXing. For tests outside this package (the browser test).
 */
public final class SheetReader {

    private SheetReader() {}

    /** The addresses in the labels' QR codes, in label order; fails naming a label that does not decode. */
    public static List<String> addresses(byte[] pdf) throws IOException {
        List<String> decoded = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            float dpi = 300;
            float scale = dpi / 72;
            PDFRenderer renderer = new PDFRenderer(document);
            for (int number = 0; number < document.getNumberOfPages(); number++) {
                BufferedImage page = renderer.renderImageWithDPI(number, dpi, ImageType.GRAY);
                for (int cell = 0; cell < StampSheet.COLUMNS * StampSheet.ROWS; cell++) {
                    float left = StampSheet.cellX(cell % StampSheet.COLUMNS)
                            + (StampSheet.CELL_WIDTH - StampSheet.QR_SIDE) / 2;
                    float top = StampSheet.PAGE.getHeight()
                            - StampSheet.cellTop(cell / StampSheet.COLUMNS)
                            + StampSheet.QR_TOP;
                    float margin = 6;
                    int side = Math.round((StampSheet.QR_SIDE + 2 * margin) * scale);
                    BufferedImage label = page.getSubimage(
                            Math.round((left - margin) * scale), Math.round((top - margin) * scale), side, side);
                    if (blank(label)) {
                        return decoded; // past the last label
                    }
                    decoded.add(read(label, number * StampSheet.COLUMNS * StampSheet.ROWS + cell));
                }
            }
        }
        return decoded;
    }

    private static boolean blank(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String read(BufferedImage label, int index) {
        for (double distance : new double[] {1, 0.75, 1.5, 0.5}) {
            var source = new BufferedImageLuminanceSource(scaled(label, distance));
            for (BinaryBitmap bitmap : List.of(
                    new BinaryBitmap(new HybridBinarizer(source)),
                    new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
                for (Map<DecodeHintType, ?> hints : List.of(
                        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE),
                        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))) {
                    try {
                        return new QRCodeReader().decode(bitmap, hints).getText();
                    } catch (com.google.zxing.ReaderException e) {
                        // the next way
                    }
                }
            }
        }
        throw new AssertionError("label " + index + " does not decode");
    }

    private static BufferedImage scaled(BufferedImage image, double factor) {
        if (factor == 1) {
            return image;
        }
        int width = (int) Math.round(image.getWidth() * factor);
        BufferedImage scaled = new BufferedImage(width, width, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, width, width, null);
        graphics.dispose();
        return scaled;
    }
}

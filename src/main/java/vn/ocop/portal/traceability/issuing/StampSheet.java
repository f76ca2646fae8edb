package vn.ocop.portal.traceability.issuing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import vn.ocop.portal.traceability.QrCode;
import vn.ocop.portal.traceability.StampCodes;

/**
 * A printable A4 sheet of stamps: a grid of 5 × 7 labels, each a vector QR code of the stamp's address, the
 * product's stars and the stamp's code for people, with cut marks at every corner of the grid.
 */
final class StampSheet {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final int COLUMNS = 5;
    static final int ROWS = 7;
    static final float MARGIN = 28f;
    static final float CELL_WIDTH = (PAGE.getWidth() - 2 * MARGIN) / COLUMNS;
    static final float CELL_HEIGHT = (PAGE.getHeight() - 2 * MARGIN) / ROWS;
    /** The QR code's side, quiet zone included (about 27 mm). */
    static final float QR_SIDE = 78f;

    static final float QR_TOP = 8f;
    private static final float CUT_MARK = 5f;
    private static final float SEAM = 0.08f;

    /** One label: the address in the QR code, the code printed under it, and the stars. */
    record Label(String url, String code, int stars) {}

    private StampSheet() {}

    /** Writes the labels, page after page, and closes nothing of {@code out}. */
    static void write(List<Label> labels, OutputStream out) {
        try (PDDocument document = new PDDocument(MemoryUsageSetting.setupTempFileOnly().streamCache)) {
            PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
            int perPage = COLUMNS * ROWS;
            for (int first = 0; first < Math.max(1, labels.size()); first += perPage) {
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    cutMarks(content);
                    for (int i = first; i < Math.min(labels.size(), first + perPage); i++) {
                        int cell = i - first;
                        label(content, mono, labels.get(i), cell % COLUMNS, cell / COLUMNS);
                    }
                }
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lower left corner of a cell, in PDF coordinates (origin bottom left). */
    static float cellX(int column) {
        return MARGIN + column * CELL_WIDTH;
    }

    static float cellTop(int row) {
        return PAGE.getHeight() - MARGIN - row * CELL_HEIGHT;
    }

    private static void label(PDPageContentStream content, PDType1Font font, Label label, int column, int row)
            throws IOException {
        QrCode qr = QrCode.of(label.url());
        float module = QR_SIDE / qr.modules();
        float left = cellX(column) + (CELL_WIDTH - QR_SIDE) / 2;
        float top = cellTop(row) - QR_TOP;
        content.setNonStrokingColor(0f);
        int width = qr.modules() - 2 * QrCode.QUIET_ZONE;
        for (int y = 0; y < width; y++) {
            int x = 0;
            while (x < width) {
                if (!qr.dark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && qr.dark(x, y)) {
                    x++;
                }
                // A hair larger than a module, so that neighbouring runs overlap instead of leaving anti-aliased
                // seams between rows, which printers and QR readers both dislike.
                content.addRect(
                        left + (start + QrCode.QUIET_ZONE) * module,
                        top - (y + QrCode.QUIET_ZONE + 1) * module - SEAM,
                        (x - start) * module + SEAM,
                        module + SEAM);
            }
        }
        content.fill();

        float center = cellX(column) + CELL_WIDTH / 2;
        float starsY = top - QR_SIDE - 8f;
        content.setNonStrokingColor(0.79f, 0.54f, 0f);
        for (int i = 0; i < label.stars(); i++) {
            star(content, center + (i - (label.stars() - 1) / 2f) * 9f, starsY, 4f);
        }
        content.fill();

        content.setNonStrokingColor(0f);
        float size = 6.2f;
        String text = StampCodes.grouped(label.code());
        float textWidth = font.getStringWidth(text) / 1000 * size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(center - textWidth / 2, starsY - 12f);
        content.showText(text);
        content.endText();
    }

    private static void star(PDPageContentStream content, float cx, float cy, float radius) throws IOException {
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + i * Math.PI / 5;
            float r = i % 2 == 0 ? radius : radius * 0.45f;
            float x = cx + (float) (r * Math.cos(angle));
            float y = cy + (float) (r * Math.sin(angle));
            if (i == 0) {
                content.moveTo(x, y);
            } else {
                content.lineTo(x, y);
            }
        }
        content.closePath();
    }

    /** Short crosses at every corner of the grid, where the sheet is cut. */
    private static void cutMarks(PDPageContentStream content) throws IOException {
        content.setStrokingColor(0.4f);
        content.setLineWidth(0.3f);
        for (int column = 0; column <= COLUMNS; column++) {
            for (int row = 0; row <= ROWS; row++) {
                float x = cellX(column);
                float y = cellTop(row);
                content.moveTo(x - CUT_MARK, y);
                content.lineTo(x + CUT_MARK, y);
                content.moveTo(x, y - CUT_MARK);
                content.lineTo(x, y + CUT_MARK);
            }
        }
        content.stroke();
    }
}
